package dev.rca.pipeline.analyze.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs built to hurt: each is analysed through the stage's own path (bytes → {@link LineSplitter} → analyzer),
 * ends with a report whose counts add up, and says when a bound was hit. Timing and heap are measured by the
 * benchmark, not asserted here.
 */
class PathologicalInputTest {

    static final Instant RECEIVED = Instant.parse("2026-12-01T00:00:00Z");

    /** Feeds what {@code writer} produces in 1 MiB blocks, as the stage reads stored blocks. */
    static LogAnalyzer.Analysis analyse(Consumer<StringBuilder> writer) {
        StringBuilder text = new StringBuilder();
        writer.accept(text);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        LogAnalyzer analyzer = new LogAnalyzer(AnalyzerLimits.DEFAULTS, RECEIVED);
        LogAnalyzer.FileScan scan = analyzer.file(0, "bad.log");
        LineSplitter splitter = new LineSplitter(AnalyzerLimits.DEFAULTS.maxLineChars(), scan::line);
        for (int offset = 0; offset < bytes.length; offset += 1 << 20) {
            splitter.feed(bytes, offset, Math.min(1 << 20, bytes.length - offset));
        }
        splitter.finish();
        scan.finish();
        if (splitter.cutLines() > 0) {
            analyzer.warn("cut lines: " + splitter.cutLines());
        }
        LogAnalyzer.Analysis analysis = analyzer.finish();
        assertEquals(analysis.report().events(),
                analysis.patterns().stream().mapToLong(PatternSummary::count).sum(), "counts add up");
        assertEquals(splitter.lines(), analysis.report().lines());
        return analysis;
    }

    @Test
    void oneTenMegabyteLineIsCutAndSaysSo() {
        LogAnalyzer.Analysis analysis = analyse(text -> text.append("x".repeat(10 * 1024 * 1024)));
        assertEquals(1, analysis.report().lines());
        assertEquals("success", analysis.report().status(), "its template is <*> with or without the rest");
        assertEquals("<*>", analysis.patterns().get(0).template());
        assertTrue(analysis.report().warnings().get(0).contains("cut lines: 1"), analysis.report().warnings()::toString);
    }

    @Test
    void everyLineUniqueFoldsTheTailIntoOnePattern() {
        Random random = new Random(5);
        LogAnalyzer.Analysis analysis = analyse(text -> {
            for (int i = 0; i < 200_000; i++) {
                text.append(word(random)).append(' ').append(word(random)).append(' ').append(word(random))
                        .append('\n');
            }
        });
        assertTrue(analysis.patterns().size() <= AnalyzerLimits.DEFAULTS.maxPatterns());
        assertEquals(200_000, analysis.report().events());
    }

    @Test
    void nearIdenticalLinesAreOnePattern() {
        LogAnalyzer.Analysis analysis = analyse(text -> {
            for (int i = 0; i < 400_000; i++) {
                text.append("2026-11-30T10:00:").append(String.format("%02d", i % 60)).append("Z INFO heartbeat ")
                        .append(i).append(" ok\n");
            }
        });
        assertEquals("success", analysis.report().status());
        assertEquals(1, analysis.patterns().size());
        assertEquals("heartbeat <*> ok", analysis.patterns().get(0).template());
    }

    @Test
    void aStackTraceOfTenThousandFramesIsOneEventWithBoundedFrames() {
        LogAnalyzer.Analysis analysis = analyse(text -> {
            text.append("2026-11-30T10:00:00Z ERROR boom\n");
            text.append("java.lang.StackOverflowError: deep\n");
            for (int i = 0; i < 10_000; i++) {
                text.append("\tat com.acme.Recursive.call(Recursive.java:").append(i).append(")\n");
            }
            text.append("2026-11-30T10:00:01Z INFO after\n");
        });
        assertEquals(2, analysis.report().events());
        AnalysisReport.ExceptionGroup group = analysis.report().exceptions().get(0);
        assertEquals("java.lang.StackOverflowError", group.type());
        assertTrue(group.frames().size() <= StackTrace.FINGERPRINT_FRAMES);
    }

    @Test
    void randomPrintableTextEnds() {
        Random random = new Random(9);
        LogAnalyzer.Analysis analysis = analyse(text -> {
            for (int i = 0; i < 4 * 1024 * 1024; i++) {
                int c = 32 + random.nextInt(95);
                text.append(random.nextInt(80) == 0 ? '\n' : (char) c);
            }
        });
        assertTrue(analysis.report().lines() > 10_000);
    }

    private static String word(Random random) {
        char[] letters = new char[4 + random.nextInt(6)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }
}
