package dev.rca.pipeline.analyze.control;

/**
 * The bounds that keep one analysis within its memory and time, whatever the input (docs/analysis.md). Hitting one
 * makes the analysis {@code partial}, with a warning saying which.
 *
 * @param maxPatterns          patterns reported; the long tail beyond is folded into one pattern
 * @param maxTemplates         distinct masked templates kept while reading; later new ones go to the tail
 * @param maxTemplateChars     characters of all distinct templates together
 * @param maxLineChars         characters of a line that are analysed (the rest is still counted and stored)
 * @param maxEventLines        lines one event may fold; the next line starts a new event
 */
public record AnalyzerLimits(int maxPatterns, int maxTemplates, long maxTemplateChars, int maxLineChars,
                             int maxEventLines) {

    public static final AnalyzerLimits DEFAULTS = new AnalyzerLimits(5_000, 100_000, 8_000_000L, 1_048_576, 20_000);
}
