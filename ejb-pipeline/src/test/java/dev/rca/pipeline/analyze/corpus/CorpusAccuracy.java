package dev.rca.pipeline.analyze.corpus;

import dev.rca.pipeline.analyze.control.AnalyzerLimits;
import dev.rca.pipeline.analyze.control.FileLayout;
import dev.rca.pipeline.analyze.control.LineMap;
import dev.rca.pipeline.analyze.control.LineParser;
import dev.rca.pipeline.analyze.control.LogAnalyzer;
import dev.rca.pipeline.analyze.control.ParsedLine;
import dev.rca.pipeline.analyze.control.PatternSummary;
import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Corpus;
import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Line;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The analyzer's accuracy on the labelled corpus ({@link CorpusGenerator}), per layout and on average over the
 * layouts. Each log is analysed as one file of one upload received at {@link CorpusGenerator#RECEIVED_AT}:
 * <ul>
 *     <li><b>grouping</b>: over the first lines of the true events, the share whose pattern holds exactly the
 *     events of its true template;</li>
 *     <li><b>parsing</b>: over the same lines, the share whose pattern's template is the true template (runs of
 *     blanks count as one, no blank around the newline before an exception line, adjacent {@code <*>} count once
 *     on both sides);</li>
 *     <li><b>header</b>: over the first lines of the true events, the share whose parsed message is the true
 *     message;</li>
 *     <li><b>timestamp</b>: over the lines whose header states an instant, the share parsed to that instant;</li>
 *     <li><b>folding</b> (not a target): over all lines, the share whose continuation flag is the true one.</li>
 * </ul>
 * Prints a table and the targets; with an argument N, also up to N examples of each kind of miss per layout. Never
 * fails. Run: {@code deploy/benchmark.sh accuracy [EXAMPLES [SEED]]}.
 */
public final class CorpusAccuracy {

    static final double GROUPING_TARGET = 0.95;
    static final double PARSING_TARGET = 0.85;
    static final double HEADER_TARGET = 0.97;
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final Pattern AROUND_NEWLINE = Pattern.compile(" ?\n ?");
    private static final Pattern WILDCARDS = Pattern.compile("<\\*>(?: ?<\\*>)+");
    private static final int EXAMPLE_CHARS = 220;

    private CorpusAccuracy() {
    }

    /** One layout's figures and examples of its misses. */
    record Score(String layout, String detected, int lines, int events, int templates, int patterns,
                 double grouping, double parsing, double header, double timestamp, double continuation,
                 Map<String, List<String>> misses) {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : CorpusGenerator.DEFAULT_SEED;
        List<Score> scores = new ArrayList<>();
        for (Corpus corpus : CorpusGenerator.generate(seed)) {
            scores.add(measure(corpus, examples));
        }
        System.out.printf(Locale.ROOT, "Analyzer accuracy on the generated corpus (seed %d, received at %s)%n", seed,
                CorpusGenerator.RECEIVED_AT);
        System.out.println("grouping and parsing: over the first lines of the true events; header: over the first"
                + " lines; timestamp: over the lines that carry one; folding: continuation flag over all lines");
        String format = "%-14s %6s %6s %6s %6s %9s %9s %9s %9s %9s%n";
        System.out.printf(Locale.ROOT, format, "layout", "lines", "events", "true", "found", "grouping", "parsing",
                "header", "timestamp", "folding");
        double[] sums = new double[5];
        for (Score score : scores) {
            System.out.printf(Locale.ROOT, format, score.layout(), score.lines(), score.events(), score.templates(),
                    score.patterns(), ratio(score.grouping()), ratio(score.parsing()), ratio(score.header()),
                    ratio(score.timestamp()), ratio(score.continuation()));
            sums[0] += score.grouping();
            sums[1] += score.parsing();
            sums[2] += score.header();
            sums[3] += score.timestamp();
            sums[4] += score.continuation();
        }
        int n = scores.size();
        System.out.printf(Locale.ROOT, format, "mean (" + n + ")", "", "", "", "", ratio(sums[0] / n),
                ratio(sums[1] / n), ratio(sums[2] / n), ratio(sums[3] / n), ratio(sums[4] / n));
        System.out.printf(Locale.ROOT, format, "target", "", "", "", "", "≥" + ratio(GROUPING_TARGET),
                "≥" + ratio(PARSING_TARGET), "≥" + ratio(HEADER_TARGET), "", "");
        if (examples > 0) {
            for (Score score : scores) {
                System.out.printf(Locale.ROOT, "%n== %s (detected: %s)%n", score.layout(), score.detected());
                for (Map.Entry<String, List<String>> kind : score.misses().entrySet()) {
                    for (String miss : kind.getValue()) {
                        System.out.println("  " + kind.getKey() + ": " + miss);
                    }
                }
            }
        }
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Analyses one layout's log and compares every line with its truth. */
    static Score measure(Corpus corpus, int examples) {
        LogAnalyzer analyzer = new LogAnalyzer(AnalyzerLimits.DEFAULTS, CorpusGenerator.RECEIVED_AT);
        LogAnalyzer.FileScan scan = analyzer.file(0, corpus.layout() + ".log");
        for (Line line : corpus.lines()) {
            scan.line(line.text());
        }
        FileLayout layout = scan.finish();
        LogAnalyzer.Analysis analysis = analyzer.finish();
        int[] map = LineMap.decode(analysis.lineMaps().get(0));
        List<PatternSummary> patterns = analysis.patterns();
        List<Line> lines = corpus.lines();
        Map<String, List<String>> misses = new LinkedHashMap<>();

        Map<String, Integer> perTemplate = new HashMap<>();
        Map<Integer, Integer> perPattern = new HashMap<>();
        Map<String, Integer> perPair = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).continuation()) {
                int pattern = map[i] >>> 1;
                perTemplate.merge(lines.get(i).template(), 1, Integer::sum);
                perPattern.merge(pattern, 1, Integer::sum);
                perPair.merge(pattern + "\u0000" + lines.get(i).template(), 1, Integer::sum);
            }
        }
        int first = 0;
        int grouped = 0;
        int parsed = 0;
        int headers = 0;
        int timestamped = 0;
        int timestamps = 0;
        int continued = 0;
        LineParser parser = new LineParser(layout, CorpusGenerator.RECEIVED_AT);
        ParsedLine parsedLine = new ParsedLine();
        Map<String, Boolean> reported = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int pattern = map[i] >>> 1;
            boolean continuation = (map[i] & 1) == 1;
            if (continuation == line.continuation()) {
                continued++;
            } else {
                note(misses, "event", examples, line.template(), reported, (line.continuation()
                        ? "continuation line started an event: " : "first line folded into the event before: ")
                        + cut(line.text()));
            }
            String text = analysed(line.text());
            parser.parse(text, parsedLine);
            if (line.hasTimestamp()) {
                timestamped++;
                if (parsedLine.hasTimestamp() && parsedLine.timestamp() == line.timestamp()) {
                    timestamps++;
                } else {
                    note(misses, "timestamp", examples, line.template(), reported, cut(line.text()) + "  true "
                            + Instant.ofEpochMilli(line.timestamp()) + ", parsed " + (parsedLine.hasTimestamp()
                            ? Instant.ofEpochMilli(parsedLine.timestamp()) : "none"));
                }
            }
            if (line.continuation()) {
                continue;
            }
            first++;
            String template = line.template();
            String found = patterns.get(pattern).template();
            int together = perPair.get(pattern + "\u0000" + template);
            if (together == perPattern.get(pattern) && together == perTemplate.get(template)) {
                grouped++;
            } else {
                note(misses, "grouping", examples, template, reported, "true " + show(template) + " ("
                        + perTemplate.get(template) + " events) -> pattern " + show(found) + " ("
                        + perPattern.get(pattern) + " events, " + together + " of them this template's)");
            }
            if (normal(found).equals(normal(template))) {
                parsed++;
            } else {
                note(misses, "parsing", examples, template, reported, "true " + show(template) + "  found "
                        + show(found));
            }
            if (parsedLine.message().equals(line.message())) {
                headers++;
            } else {
                note(misses, "header", examples, template, reported, "true " + show(line.message()) + "  parsed "
                        + show(parsedLine.message()));
            }
        }
        return new Score(corpus.layout(), layout.description(), lines.size(), corpus.events(), perTemplate.size(),
                patterns.size(), grouped / (double) first, parsed / (double) first, headers / (double) first,
                timestamped == 0 ? Double.NaN : timestamps / (double) timestamped,
                continued / (double) lines.size(), misses);
    }

    /** The line as the analyzer reads it: cut to its bound, without a carriage return. */
    static String analysed(String line) {
        String text = line.length() > AnalyzerLimits.DEFAULTS.maxLineChars()
                ? line.substring(0, AnalyzerLimits.DEFAULTS.maxLineChars()) : line;
        return !text.isEmpty() && text.charAt(text.length() - 1) == '\r' ? text.substring(0, text.length() - 1) : text;
    }

    /** A template for comparison: blanks as one space, none around the newline, adjacent wildcards as one. */
    static String normal(String template) {
        String text = BLANKS.matcher(template).replaceAll(" ").strip();
        text = AROUND_NEWLINE.matcher(text).replaceAll("\n");
        return WILDCARDS.matcher(text).replaceAll("<*>");
    }

    /** Keeps one example per kind and true template, up to {@code limit} per kind. */
    private static void note(Map<String, List<String>> misses, String kind, int limit, String template,
                             Map<String, Boolean> reported, String example) {
        if (limit == 0 || reported.putIfAbsent(kind + "\u0000" + template, true) != null) {
            return;
        }
        List<String> list = misses.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < limit) {
            list.add(example);
        }
    }

    private static String show(String text) {
        return "«" + cut(text).replace("\n", "⏎") + "»";
    }

    private static String cut(String text) {
        return text.length() <= EXAMPLE_CHARS ? text : text.substring(0, EXAMPLE_CHARS) + "…(" + text.length() + ")";
    }
}
