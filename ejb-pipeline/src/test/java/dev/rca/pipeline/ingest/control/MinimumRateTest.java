package dev.rca.pipeline.ingest.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MinimumRateTest {

    private final AtomicLong now = new AtomicLong();
    private final MinimumRate rate = new MinimumRate(1000, 10, now::get);

    @Test
    void aSlowStartIsForgivenDuringTheGrace() throws IOException {
        InputStream body = rate.enforce(new ByteArrayInputStream(new byte[100]), 0);
        now.set(TimeUnit.SECONDS.toNanos(9));

        assertEquals(10, body.read(new byte[10]), "10 bytes in 9 s, inside the 10 s grace");
    }

    @Test
    void aTricklingBodyIsRefusedAtTheFirstReadAfterTheGrace() throws IOException {
        InputStream body = rate.enforce(new ByteArrayInputStream(new byte[100]), 0);
        for (int second = 1; second <= 10; second++) {
            now.set(TimeUnit.SECONDS.toNanos(second));
            body.read();
        }
        now.set(TimeUnit.SECONDS.toNanos(11));

        MinimumRate.TooSlowException slow = assertThrows(MinimumRate.TooSlowException.class, body::read);
        assertEquals(11, slow.bytesRead());
        assertEquals(11, slow.seconds());
    }

    @Test
    void aBodyAtTheRateIsReadToItsEnd() throws IOException {
        InputStream body = rate.enforce(new ByteArrayInputStream(new byte[30_000]), 0);
        byte[] buffer = new byte[1000];
        long read = 0;
        for (int n; (n = body.read(buffer)) >= 0; ) {
            read += n;
            now.set(TimeUnit.MILLISECONDS.toNanos(read));
        }
        assertEquals(30_000, read);
    }

    @Test
    void theEndOfABodyIsNeverRefused() throws IOException {
        InputStream body = rate.enforce(new ByteArrayInputStream(new byte[0]), 0);
        now.set(TimeUnit.SECONDS.toNanos(60));

        assertEquals(-1, body.read(), "everything arrived; how slowly no longer matters");
    }

    @Test
    void aRateOfZeroLeavesTheBodyAlone() {
        InputStream raw = new ByteArrayInputStream(new byte[1]);

        assertSame(raw, new MinimumRate(0, 10, now::get).enforce(raw, 0));
    }
}
