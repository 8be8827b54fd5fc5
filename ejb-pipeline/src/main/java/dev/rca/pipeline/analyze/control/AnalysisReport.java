package dev.rca.pipeline.analyze.control;

import java.util.List;
import java.util.Map;

/**
 * The analysis of one upload, as the API returns it (docs/api.md): instants are ISO-8601 UTC strings, a file is its
 * index in the upload, a pattern its id. The patterns themselves are paged separately ({@link PatternSummary}).
 */
public record AnalysisReport(String status, String analyzer, long lines, long events, int patternCount,
                             TimeSpan timeSpan, List<String> warnings, List<FileSummary> files,
                             List<Suspect> suspects, List<ExceptionGroup> exceptions, Timeline timeline,
                             List<Burst> bursts) {

    public record TimeSpan(String from, String to) {
    }

    public record Location(int file, long line) {
    }

    public record FirstError(long line, String timestamp) {
    }

    public record FileSummary(int index, String name, String header, long lines, long timestampedLines,
                              FirstError firstError) {
    }

    public record Suspect(int rank, String pattern, double score, List<String> reasons, String template,
                          String firstSeen, Location at) {
    }

    public record RootCause(String type, String message) {
    }

    public record ExceptionGroup(String fingerprint, String type, RootCause rootCause, List<String> frames,
                                 long count, String firstSeen, String lastSeen, Location at) {
    }

    public record Bucket(String start, Map<String, Long> counts) {
    }

    public record Timeline(long bucketSeconds, List<Bucket> buckets) {
    }

    public record Burst(String pattern, String start, String end, double factor, List<Integer> files) {
    }

    /** The same report with other suspects (ranked again against a baseline). */
    public AnalysisReport withSuspects(List<Suspect> ranked) {
        return new AnalysisReport(status, analyzer, lines, events, patternCount, timeSpan, warnings, files, ranked,
                exceptions, timeline, bursts);
    }
}
