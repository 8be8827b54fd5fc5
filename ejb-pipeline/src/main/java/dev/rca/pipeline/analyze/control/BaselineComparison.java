package dev.rca.pipeline.analyze.control;

import dev.rca.pipeline.analyze.control.AnalysisReport.Comparison;
import dev.rca.pipeline.analyze.control.AnalysisReport.PatternChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An upload's patterns against a baseline's (docs/analysis.md, "Baseline"): two minings never produce the same
 * templates for the same statement with certainty, so patterns are matched, not compared as strings. A pattern
 * matches a template of the other upload when its template or its sample message, masked, fits that template
 * token by token ({@code <*>} fits one token). {@code new}: no baseline template fits; {@code gone}: a baseline
 * pattern that no pattern of the upload fits; {@code changed}: matched, with its share of all events moved by a
 * factor of at least {@link #CHANGE_FACTOR} either way.
 */
public final class BaselineComparison {

    public static final double CHANGE_FACTOR = 3;
    static final int MAX_LISTED = 200;

    private BaselineComparison() {
    }

    public static Comparison compare(String baselineId, List<PatternSummary> current, List<PatternSummary> baseline) {
        List<String[]> baseTemplates = baseline.stream().map(p -> tokens(p.template())).toList();
        List<String[]> currentTemplates = current.stream().map(p -> tokens(p.template())).toList();
        long currentEvents = Math.max(1, current.stream().mapToLong(PatternSummary::count).sum());
        long baselineEvents = Math.max(1, baseline.stream().mapToLong(PatternSummary::count).sum());
        List<PatternChange> added = new ArrayList<>();
        List<PatternChange> changed = new ArrayList<>();
        boolean[] matchedBaseline = new boolean[baseline.size()];
        for (int i = 0; i < current.size(); i++) {
            PatternSummary pattern = current.get(i);
            String[] template = currentTemplates.get(i);
            String[] sample = masked(pattern);
            long matchedCount = 0;
            boolean matched = false;
            for (int b = 0; b < baseline.size(); b++) {
                if (fits(template, baseTemplates.get(b)) || fits(sample, baseTemplates.get(b))) {
                    matched = true;
                    matchedBaseline[b] = true;
                    matchedCount += baseline.get(b).count();
                }
            }
            if (!matched) {
                added.add(change(pattern, null));
                continue;
            }
            double share = (double) pattern.count() / currentEvents;
            double before = (double) matchedCount / baselineEvents;
            double ratio = share / before;
            if (ratio >= CHANGE_FACTOR || ratio <= 1 / CHANGE_FACTOR) {
                changed.add(change(pattern, Math.round(ratio * 100) / 100.0));
            }
        }
        List<PatternChange> gone = new ArrayList<>();
        for (int b = 0; b < baseline.size(); b++) {
            if (matchedBaseline[b]) {
                continue;
            }
            String[] sample = masked(baseline.get(b));
            String[] template = baseTemplates.get(b);
            boolean fitsNow = false;
            for (String[] now : currentTemplates) {
                if (fits(template, now) || fits(sample, now)) {
                    fitsNow = true;
                    break;
                }
            }
            if (!fitsNow) {
                gone.add(change(baseline.get(b), null));
            }
        }
        Comparator<PatternChange> severity = Comparator
                .comparingInt((PatternChange c) -> -levelRank(c.level()))
                .thenComparingLong(c -> -c.count())
                .thenComparing(PatternChange::pattern);
        added.sort(severity);
        gone.sort(Comparator.comparingLong((PatternChange c) -> -c.count()).thenComparing(PatternChange::pattern));
        changed.sort(Comparator.comparingDouble((PatternChange c) -> -Math.abs(Math.log(c.ratio())))
                .thenComparing(PatternChange::pattern));
        return new Comparison(baselineId, limit(added), limit(gone), limit(changed));
    }

    /** The ids of the patterns that are new against the baseline (for the suspects' {@code new} reason). */
    public static Set<String> newPatterns(Comparison comparison) {
        return comparison.added().stream().map(PatternChange::pattern).collect(Collectors.toSet());
    }

    static boolean fits(String[] tokens, String[] template) {
        if (tokens.length != template.length) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].equals(template[i]) && !template[i].equals(TokenMasker.WILDCARD)
                    && !tokens[i].equals(TokenMasker.WILDCARD)) {
                return false;
            }
        }
        return true;
    }

    private static String[] tokens(String template) {
        return template.replace("\n", " \n ").split(" ", -1);
    }

    private static String[] masked(PatternSummary pattern) {
        StringBuilder masked = new StringBuilder();
        TokenMasker.mask(pattern.sample(), 0, masked);
        String[] message = masked.toString().split(" ", -1);
        int newline = pattern.template().indexOf('\n');
        if (newline < 0) {
            return message;
        }
        // the sample is the first line's message; the exception line's template follows it
        String[] exception = tokens(pattern.template().substring(newline));
        String[] joined = new String[message.length + exception.length - 1];
        System.arraycopy(message, 0, joined, 0, message.length);
        System.arraycopy(exception, 1, joined, message.length, exception.length - 1);
        return joined;
    }

    private static int levelRank(String level) {
        return level == null ? -1 : LogLevel.valueOf(level).ordinal();
    }

    private static PatternChange change(PatternSummary pattern, Double ratio) {
        return new PatternChange(pattern.id(), pattern.template(), pattern.count(), pattern.level(), ratio);
    }

    private static List<PatternChange> limit(List<PatternChange> changes) {
        return List.copyOf(changes.subList(0, Math.min(MAX_LISTED, changes.size())));
    }
}
