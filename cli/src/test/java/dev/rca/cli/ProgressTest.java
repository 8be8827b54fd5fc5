package dev.rca.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void barShowsShareBytesRateAndEta() {
        // 12 MiB of 48 MiB in 4 s: 3 MiB/s, 36 MiB left, 12 s to go
        assertEquals("[#######.......................]  25%  12.0 MiB / 48.0 MiB  3.0 MiB/s  ETA 0:12",
                Progress.line(12L << 20, 48L << 20, 4_000_000_000L));
    }

    @Test
    void withoutATotalOnlyBytesAndRate() {
        assertEquals("sent 1.5 KiB  768 B/s", Progress.line(1536, -1, 2_000_000_000L));
    }

    @Test
    void beforeAnyTimeHasPassedTheEtaIsUnknown() {
        assertEquals("[..............................]   0%  0 B / 1.0 KiB  0 B/s  ETA -:--",
                Progress.line(0, 1024, 0));
    }

    @Test
    void plainOutputPrintsOneLinePerTenthAndTheLastFigures() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text, true), false, 1000, now::get);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(10_000_000L);
            progress.sent(10);
        }
        progress.done();
        String[] lines = text.toString().split(System.lineSeparator());
        // the first bytes, then 10 %, 20 %, … 100 % once each; the closing line is not the 100 % line again
        assertEquals(11, lines.length, text.toString());
        assertTrue(lines[0].contains("  1%  10 B / 1000 B"), lines[0]);
        assertEquals("[##############################] 100%  1000 B / 1000 B  1000 B/s  ETA 0:00", lines[10]);
    }

    @Test
    void aShorterRedrawCoversWhatIsLeftOfTheLongerLineBeforeIt() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text, true), true, -1, now::get);
        now.addAndGet(1_000_000_000L);
        progress.sent(1L << 30); // "sent 1.0 GiB  1.0 GiB/s"
        now.addAndGet(1_000_000_000_000_000_000L);
        progress.sent(1); // "sent 1.0 GiB  1 B/s", four characters shorter
        String[] draws = text.toString().split("\r");
        assertEquals("sent 1.0 GiB  1.0 GiB/s", draws[1]);
        assertEquals("sent 1.0 GiB  1 B/s    ", draws[2]);
    }

    @Test
    void terminalOutputRedrawsInPlaceAtMostFiveTimesASecond() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text, true), true, 1000, now::get);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(10_000_000L); // 1 s in all
            progress.sent(10);
        }
        progress.done();
        String out = text.toString();
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertEquals(5 + 1, redraws, out); // at 0.01, 0.21, 0.41, 0.61, 0.81 s, then the last figures
        assertEquals(1, out.split(System.lineSeparator(), -1).length - 1, "one line end, after the last figures");
    }
}
