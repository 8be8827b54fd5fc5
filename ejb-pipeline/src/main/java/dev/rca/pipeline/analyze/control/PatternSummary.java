package dev.rca.pipeline.analyze.control;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;

/**
 * One pattern of an upload: its template ({@code <*>} where a token varies; a stack trace's exception line after a
 * newline), how many events it has, its highest level, when and where it was first seen.
 *
 * @param sample    the message of its first event, cut to {@link #SAMPLE_CHARS}: what a baseline's templates are
 *                  matched against
 * @param exception its events carry a stack trace
 */
@JsonbNillable
public record PatternSummary(String id, String template, long count, String level, String firstSeen,
                             String lastSeen, List<Integer> files, AnalysisReport.Location at, String sample,
                             boolean exception) {

    public static final int SAMPLE_CHARS = 2_048;
}
