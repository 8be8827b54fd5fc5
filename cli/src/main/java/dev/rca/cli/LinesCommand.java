package dev.rca.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code rca lines ID}: the lines behind a suspect (a pattern's lines) or a stretch of one file, as stored. */
@Command(name = "lines", mixinStandardHelpOptions = true,
        description = "Print the lines of one pattern (each prefixed by file:line) or of one file from a line on.",
        footerHeading = "%nExamples:%n",
        footer = {"  rca lines 0b6e…-…-4f1d --tenant acme --pattern 17",
                "  rca lines 0b6e…-…-4f1d --tenant acme --file 0 --from 1234 --limit 40"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:refused (unknown upload, pattern or file; analysis pending)",
                "2:wrong usage"})
public class LinesCommand extends TenantCommand implements Callable<Integer> {

    static final int PAGE = 1000;

    @Parameters(index = "0", paramLabel = "ID", description = "The upload's id")
    String id;

    @ArgGroup(multiplicity = "1")
    Source source;

    static class Source {
        @Option(names = {"-p", "--pattern"}, paramLabel = "PATTERN", required = true,
                description = "A pattern's id (a suspect's pattern)")
        String pattern;

        @ArgGroup(exclusive = false)
        FileRange file;
    }

    static class FileRange {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
                description = "A file's index in the upload (0 is the first)")
        int index;

        @Option(names = "--from", paramLabel = "LINE", defaultValue = "1",
                description = "The first line, 1-based (default: ${DEFAULT-VALUE})")
        long from;
    }

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "100",
            description = "At most this many lines (default: ${DEFAULT-VALUE})")
    long limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "With --pattern: skip this many of its lines first (default: ${DEFAULT-VALUE})")
    long offset;

    @Override
    public Integer call() throws ApiException {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (source.pattern == null && offset != 0) {
            throw new ParameterException(spec.commandLine(), "--offset goes with --pattern; a file's lines start at"
                    + " --from");
        }
        Api api = connection.api();
        PrintWriter out = spec.commandLine().getOut();
        String upload = TenantOption.segment(id);
        long printed = 0;
        while (printed < limit) {
            int page = (int) Math.min(PAGE, limit - printed);
            JsonObject answer;
            if (source.pattern != null) {
                answer = api.get(tenant.uploads(upload + "/patterns/" + TenantOption.segment(source.pattern)
                        + "/lines?offset=" + (offset + printed) + "&limit=" + page));
            } else {
                answer = api.get(tenant.uploads(upload + "/files/" + source.file.index + "/lines?from="
                        + (source.file.from + printed) + "&limit=" + page));
            }
            int got = 0;
            for (JsonValue value : answer.getJsonArray("lines")) {
                out.println(line(value.asJsonObject(), source.pattern != null));
                got++;
            }
            if (out.checkError()) {
                // the reader is gone (rca lines … | head): fetch no more pages
                return Rca.FAILED;
            }
            printed += got;
            if (got < page) {
                break;
            }
        }
        out.flush();
        return Rca.OK;
    }

    /** {@code 0:1234: text} for a pattern's line, {@code 1234: text} for a file's; a cut line ends in {@code …}. */
    static String line(JsonObject line, boolean withFile) {
        String text = withFile ? Rca.string(line, "text") : message(line);
        String cut = line.getBoolean("truncated", false) ? " …(cut)" : "";
        return (withFile ? line.getInt("file") + ":" : "") + line.getJsonNumber("line").longValue() + ": " + text
                + cut;
    }

    /** A file's line as stored: its header fields and message, as the analyzer split them. */
    private static String message(JsonObject line) {
        String timestamp = Rca.string(line, "timestamp");
        String level = Rca.string(line, "level");
        String message = Rca.string(line, "message");
        if (timestamp == null && level == null) {
            return message;
        }
        return (timestamp == null ? "" : timestamp + " ") + (level == null ? "" : level + " ") + message;
    }
}
