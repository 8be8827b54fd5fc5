package dev.rca.pipeline.analyze.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects a file's {@link FileLayout} from its first lines: the timestamp form and position that most of them share,
 * then whether their header ends with a colon-terminated name. One configuration for every input: nothing here knows
 * a log source.
 */
public final class LayoutDetector {

    /** Lines of a file the detection reads, not counting blank and indented ones. */
    public static final int SAMPLE_LINES = 100;
    /** Lines of a file the detection reads at most, counting them all. */
    public static final int MAX_SAMPLE_LINES = 5_000;
    static final int MAX_PREFIX_TOKENS = 4;
    /** Share of the sampled lines a timestamp form must match (the others may be stack traces). */
    static final double MIN_TIMESTAMPED_SHARE = 0.3;
    static final double MIN_JSON_SHARE = 0.6;
    static final double MIN_COLON_NAME_SHARE = 0.5;

    private LayoutDetector() {
    }

    public static FileLayout detect(List<String> sample, Instant reference) {
        // Indented lines continue an event (stack frames, dumps): they say nothing about the header.
        List<String> lines = sample.stream().filter(LayoutDetector::mayStartEvent).toList();
        if (lines.isEmpty()) {
            return FileLayout.PLAIN;
        }
        if (jsonLines(lines) >= MIN_JSON_SHARE * lines.size()) {
            return new FileLayout(null, 0, false, true, "JSON lines");
        }
        TimestampFormat bestFormat = null;
        int bestPrefix = 0;
        int bestCount = 0;
        ParsedLine parsed = new ParsedLine();
        for (TimestampFormat format : TimestampFormat.values()) {
            for (int prefix = 0; prefix <= MAX_PREFIX_TOKENS; prefix++) {
                LineParser parser = new LineParser(new FileLayout(format, prefix, false, false, ""), reference);
                int count = 0;
                for (String line : lines) {
                    parsed.reset(line);
                    if (parser.timestamp(line, 0, prefix, parsed) >= 0) {
                        count++;
                    }
                }
                if (count > bestCount || count == bestCount && count > 0 && bestFormat != null
                        && format.precision() > bestFormat.precision()) {
                    bestFormat = format;
                    bestPrefix = prefix;
                    bestCount = count;
                }
            }
        }
        if (bestCount < MIN_TIMESTAMPED_SHARE * lines.size()) {
            bestFormat = null;
            bestPrefix = 0;
        }
        FileLayout plain = new FileLayout(bestFormat, bestPrefix, false, false, "");
        LineParser parser = new LineParser(plain, reference);
        int headers = 0;
        int colonNames = 0;
        int levels = 0;
        int threads = 0;
        int loggers = 0;
        for (String line : lines) {
            parser.parse(line, parsed);
            if (bestFormat != null && !parsed.hasTimestamp()) {
                continue;
            }
            headers++;
            colonNames += parser.sawColonName ? 1 : 0;
            levels += parsed.level() != null ? 1 : 0;
            threads += parsed.thread() != null ? 1 : 0;
            loggers += parsed.logger() != null ? 1 : 0;
        }
        boolean colon = headers > 0 && colonNames >= MIN_COLON_NAME_SHARE * headers;
        List<String> words = new ArrayList<>();
        if (bestFormat != null) {
            words.add((bestPrefix > 0 ? bestPrefix + " field" + (bestPrefix > 1 ? "s" : "") + ", then " : "")
                    + "timestamp " + bestFormat.description());
        }
        if (levels * 2 >= Math.max(1, headers)) {
            words.add("level");
        }
        if (threads * 2 >= Math.max(1, headers)) {
            words.add("[thread]");
        }
        if (colon) {
            words.add("name:");
        } else if (loggers * 2 >= Math.max(1, headers)) {
            words.add("logger");
        }
        String description = words.isEmpty() ? FileLayout.PLAIN.description() : String.join(", ", words);
        return new FileLayout(bestFormat, bestPrefix, colon, false, description);
    }

    /** A line that is neither blank nor indented: one that may carry a header. */
    public static boolean mayStartEvent(String line) {
        return !line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && !line.isBlank();
    }

    private static int jsonLines(List<String> lines) {
        int count = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
                count++;
            }
        }
        return count;
    }
}
