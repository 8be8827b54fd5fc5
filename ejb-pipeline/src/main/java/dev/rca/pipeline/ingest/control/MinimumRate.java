package dev.rca.pipeline.ingest.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An upload body that must keep arriving at a minimum average rate, counted from the moment its upload took an
 * ingest slot, once a grace period is over. A client that trickles its body would otherwise hold the slot (and its
 * database connection) for as long as it likes; the listener's read timeout only cuts a body that stops altogether.
 * Checked after every read, so a body that sends one byte a second is refused at the first read after the grace.
 */
public final class MinimumRate {

    private final long bytesPerSecond;
    private final long graceNanos;
    private final LongSupplier clock;

    /**
     * @param bytesPerSecond the slowest average rate allowed; 0 turns the check off
     * @param graceSeconds   how long a body may arrive at any rate (a slow start, a client's first round trips)
     * @param clock          {@link System#nanoTime()}, or a test's clock
     */
    public MinimumRate(long bytesPerSecond, int graceSeconds, LongSupplier clock) {
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = TimeUnit.SECONDS.toNanos(graceSeconds);
        this.clock = clock;
    }

    /** The body, refused with {@link TooSlowException} when it falls below the rate. */
    public InputStream enforce(InputStream body, long startNanos) {
        return bytesPerSecond <= 0 ? body : new Metered(body, startNanos);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The body came too slowly; what was read by then is in the message. */
    public static final class TooSlowException extends IOException {

        private final long bytesRead;
        private final long seconds;

        TooSlowException(long bytesRead, long seconds, long bytesPerSecond) {
            super(bytesRead + " bytes arrived in " + seconds + " s, below the minimum of " + bytesPerSecond
                    + " bytes a second");
            this.bytesRead = bytesRead;
            this.seconds = seconds;
        }

        public long bytesRead() {
            return bytesRead;
        }

        public long seconds() {
            return seconds;
        }
    }

    private interface Read {
        int read() throws IOException;
    }

    private final class Metered extends FilterInputStream {

        private final long startNanos;
        private long bytes;

        Metered(InputStream in, long startNanos) {
            super(in);
            this.startNanos = startNanos;
        }

        @Override
        public int read() throws IOException {
            int b = readThrough(() -> super.read());
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = readThrough(() -> super.read(buffer, offset, length));
            if (n >= 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        /**
         * A read of the request body that the server cut underneath (its read timeout closed a stalled connection)
         * fails with whatever the container throws; it is the body that could not be read, an IOException.
         */
        private int readThrough(Read read) throws IOException {
            try {
                return read.read();
            } catch (RuntimeException e) {
                throw new IOException("the connection was closed while the body was read", e);
            }
        }

        private void count(long n) throws TooSlowException {
            bytes += n;
            long elapsed = clock.getAsLong() - startNanos;
            if (elapsed > graceNanos && bytes < bytesPerSecond * (double) elapsed / TimeUnit.SECONDS.toNanos(1)) {
                throw new TooSlowException(bytes, TimeUnit.NANOSECONDS.toSeconds(elapsed), bytesPerSecond);
            }
        }
    }
}
