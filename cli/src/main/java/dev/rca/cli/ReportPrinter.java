package dev.rca.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary an engineer reads first, from the API's upload and analysis documents: the stages, the top suspects
 * with their reasons and where to look, the exception groups, the bursts, the comparison with a baseline, and the
 * upload's page in the admin UI. Pure formatting: the commands fetch, this class only writes text.
 */
final class ReportPrinter {

    static final int TEMPLATE_WIDTH = 160;

    private final int suspects;
    private final int groups;

    ReportPrinter(int suspects, int groups) {
        this.suspects = Math.max(0, suspects);
        this.groups = Math.max(0, groups);
    }

    /** The upload's line, its warnings and, with {@code stages}, one line per stage. */
    String upload(JsonObject upload, boolean stages) {
        StringBuilder text = new StringBuilder();
        text.append("upload ").append(Rca.string(upload, "id")).append("  ").append(Rca.string(upload, "fileName"))
                .append("  ").append(Text.bytes(upload.getJsonNumber("bytes").longValue()));
        JsonArray files = array(upload, "files");
        text.append("  ").append(files.size()).append(files.size() == 1 ? " file" : " files")
                .append("  ").append(upper(Rca.string(upload, "status"))).append(nl());
        for (JsonValue value : array(upload, "skipped")) {
            JsonObject skipped = value.asJsonObject();
            text.append("  skipped: ").append(Rca.string(skipped, "name")).append(" (")
                    .append(Rca.string(skipped, "reason")).append(": ").append(Rca.string(skipped, "detail"))
                    .append(')').append(nl());
        }
        for (JsonValue value : array(upload, "warnings")) {
            JsonObject warning = value.asJsonObject();
            text.append("  warning: ").append(Rca.string(warning, "message")).append(nl());
        }
        for (JsonValue value : stages ? array(upload, "stages") : JsonValue.EMPTY_JSON_ARRAY) {
            text.append(stage(value.asJsonObject())).append(nl());
        }
        return text.toString();
    }

    /** One stage: {@code   chunk     success   412 ms}. */
    static String stage(JsonObject stage) {
        JsonValue duration = stage.get("durationMs");
        String took = duration instanceof JsonNumber number ? millis(number.longValue()) : "";
        return String.format(Locale.ROOT, "  %-9s %-10s %s", Rca.string(stage, "stage"), Rca.string(stage, "status"),
                took).stripTrailing();
    }

    /** The report's summary; {@code analysis} is the API's analysis document. */
    String analysis(JsonObject analysis, String tenant, String id) {
        StringBuilder text = new StringBuilder();
        String status = Rca.string(analysis, "status");
        if ("none".equals(status)) {
            return "analysis: none (this upload predates the analyze stage; an admin can re-analyse it)" + nl();
        }
        text.append("analysis ").append(upper(status)).append(": ")
                .append(count(analysis, "lines")).append(" lines, ").append(count(analysis, "events"))
                .append(" events, ").append(count(analysis, "patternCount")).append(" patterns");
        JsonValue span = analysis.get("timeSpan");
        if (span instanceof JsonObject from) {
            text.append(", ").append(Rca.string(from, "from")).append(" to ").append(Rca.string(from, "to"));
        }
        text.append(nl());
        for (JsonValue warning : array(analysis, "warnings")) {
            text.append("  warning: ").append(Text.plain(warning)).append(nl());
        }
        List<String> fileNames = new ArrayList<>();
        for (JsonValue value : array(analysis, "files")) {
            fileNames.add(Rca.string(value.asJsonObject(), "name"));
        }

        JsonArray ranked = array(analysis, "suspects");
        text.append(nl()).append(heading("top suspects", suspects, ranked));
        for (JsonValue value : ranked.subList(0, Math.min(suspects, ranked.size()))) {
            JsonObject suspect = value.asJsonObject();
            text.append(String.format(Locale.ROOT, "%3d. %s", suspect.getInt("rank"),
                    Text.oneLine(Rca.string(suspect, "template"), TEMPLATE_WIDTH))).append(nl());
            text.append("     score ").append(String.format(Locale.ROOT, "%.2f",
                    suspect.getJsonNumber("score").doubleValue())).append("  ")
                    .append(String.join(", ", strings(array(suspect, "reasons")))).append(nl());
            text.append("     at ").append(where(suspect.get("at"), fileNames));
            String first = Rca.string(suspect, "firstSeen");
            if (first != null) {
                text.append("  first seen ").append(first);
            }
            text.append(nl()).append("     rca lines ").append(id).append(" --tenant ").append(tenant)
                    .append(" --pattern ").append(Rca.string(suspect, "pattern")).append(nl());
        }

        JsonArray exceptions = array(analysis, "exceptions");
        text.append(nl()).append(heading("exception groups", groups, exceptions));
        for (JsonValue value : exceptions.subList(0, Math.min(groups, exceptions.size()))) {
            JsonObject group = value.asJsonObject();
            text.append(String.format(Locale.ROOT, "  %7d x %s", group.getJsonNumber("count").longValue(),
                    Rca.string(group, "type")));
            JsonValue root = group.get("rootCause");
            if (root instanceof JsonObject cause) {
                String message = Rca.string(cause, "message");
                text.append(nl()).append("            root cause ").append(Rca.string(cause, "type"))
                        .append(message == null || message.isEmpty() ? "" : ": " + Text.oneLine(message, 120));
            }
            JsonArray frames = array(group, "frames");
            if (!frames.isEmpty()) {
                text.append(nl()).append("            at ").append(Text.plain(frames.get(0)));
            }
            text.append(nl()).append("            first ").append(where(group.get("at"), fileNames));
            String first = Rca.string(group, "firstSeen");
            if (first != null) {
                text.append(" at ").append(first).append(", last ").append(Rca.string(group, "lastSeen"));
            }
            text.append(nl());
        }

        JsonArray bursts = array(analysis, "bursts");
        text.append(nl()).append(heading("bursts", groups, bursts));
        for (JsonValue value : bursts.subList(0, Math.min(groups, bursts.size()))) {
            JsonObject burst = value.asJsonObject();
            List<String> in = new ArrayList<>();
            for (JsonValue file : array(burst, "files")) {
                in.add(fileName(((JsonNumber) file).intValue(), fileNames));
            }
            text.append(String.format(Locale.ROOT, "  pattern %s  x%.1f  %s to %s  in %s",
                    Rca.string(burst, "pattern"), burst.getJsonNumber("factor").doubleValue(),
                    Rca.string(burst, "start"), Rca.string(burst, "end"), String.join(", ", in))).append(nl());
        }

        if (analysis.get("comparison") instanceof JsonObject comparison) {
            text.append(nl()).append(comparison(comparison));
        }
        return text.toString();
    }

    private String comparison(JsonObject comparison) {
        StringBuilder text = new StringBuilder("against baseline ").append(Rca.string(comparison, "baseline"))
                .append(": ").append(array(comparison, "new").size()).append(" new, ")
                .append(array(comparison, "gone").size()).append(" gone, ")
                .append(array(comparison, "changed").size()).append(" changed").append(nl());
        for (String list : List.of("new", "gone", "changed")) {
            JsonArray changes = array(comparison, list);
            for (JsonValue value : changes.subList(0, Math.min(groups, changes.size()))) {
                JsonObject change = value.asJsonObject();
                JsonValue ratio = change.get("ratio");
                text.append(String.format(Locale.ROOT, "  %-7s %7d  %s%s", list,
                        change.getJsonNumber("count").longValue(),
                        Text.oneLine(Rca.string(change, "template"), TEMPLATE_WIDTH),
                        ratio instanceof JsonNumber number
                                ? String.format(Locale.ROOT, "  (share x%.2f)", number.doubleValue()) : ""))
                        .append(nl());
            }
        }
        return text.toString();
    }

    /** {@code bursts: none}, or {@code bursts (5 of 12):}. */
    private static String heading(String title, int shown, JsonArray items) {
        return items.isEmpty() ? title + ": none" + nl()
                : title + " (" + Math.min(shown, items.size()) + " of " + items.size() + "):" + nl();
    }

    /** The upload's page in the admin UI. */
    static URI uiLink(URI base, String tenant, String id) {
        return base.resolve("admin/uploads/upload.xhtml?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
                + "&id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String where(JsonValue at, List<String> fileNames) {
        if (!(at instanceof JsonObject location)) {
            return "(no location)";
        }
        return fileName(location.getInt("file"), fileNames) + ":" + location.getJsonNumber("line").longValue();
    }

    private static String fileName(int index, List<String> fileNames) {
        return index >= 0 && index < fileNames.size() ? fileNames.get(index) : "file " + index;
    }

    private static JsonArray array(JsonObject object, String key) {
        return object.get(key) instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(Text::plain).toList();
    }

    private static String count(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber number
                ? String.format(Locale.ROOT, "%,d", number.longValue()) : "?";
    }

    private static String upper(String text) {
        return text == null ? "?" : text.toUpperCase(Locale.ROOT);
    }

    private static String nl() {
        return System.lineSeparator();
    }
}
