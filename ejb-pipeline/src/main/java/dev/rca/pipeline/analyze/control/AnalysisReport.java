package dev.rca.pipeline.analyze.control;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;
import java.util.Map;

/**
 * The analysis of one upload, as the API returns it (docs/api.md): instants are ISO-8601 UTC strings, a file is its
 * index in the upload, a pattern its id. The patterns themselves are paged separately ({@link PatternSummary}).
 * {@code timeSpan} (no timestamped line) and {@code comparison} (no baseline) are left out when null.
 */
public record AnalysisReport(String status, String analyzer, long lines, long events, int patternCount,
                             TimeSpan timeSpan, List<String> warnings, List<FileSummary> files,
                             List<Suspect> suspects, List<ExceptionGroup> exceptions, Timeline timeline,
                             List<Burst> bursts, Comparison comparison) {

    public record TimeSpan(String from, String to) {
    }

    public record Location(int file, long line) {
    }

    @JsonbNillable
    public record FirstError(long line, String timestamp) {
    }

    @JsonbNillable
    public record FileSummary(int index, String name, String header, long lines, long timestampedLines,
                              FirstError firstError) {
    }

    @JsonbNillable
    public record Suspect(int rank, String pattern, double score, List<String> reasons, String template,
                          String firstSeen, Location at) {
    }

    public record RootCause(String type, String message) {
    }

    @JsonbNillable
    public record ExceptionGroup(String fingerprint, String type, RootCause rootCause, List<String> frames,
                                 long count, String firstSeen, String lastSeen, Location at) {
    }

    public record Bucket(String start, Map<String, Long> counts) {
    }

    public record Timeline(long bucketSeconds, List<Bucket> buckets) {
    }

    public record Burst(String pattern, String start, String end, double factor, List<Integer> files) {
    }

    /** A pattern that is new, gone or changed against a baseline; {@code ratio} only for a changed one. */
    @JsonbNillable
    public record PatternChange(String pattern, String template, long count, String level, Double ratio) {
    }

    /** The patterns of this upload against those of a baseline upload of the same tenant. */
    public record Comparison(String baseline, @JsonbProperty("new") List<PatternChange> added,
                             List<PatternChange> gone, List<PatternChange> changed) {
    }

    /** The same report compared with a baseline: its suspects ranked again with {@code new} counted. */
    public AnalysisReport compared(List<Suspect> ranked, Comparison with) {
        return new AnalysisReport(status, analyzer, lines, events, patternCount, timeSpan, warnings, files, ranked,
                exceptions, timeline, bursts, with);
    }
}
