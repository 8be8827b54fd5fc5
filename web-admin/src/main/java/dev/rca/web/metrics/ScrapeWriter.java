package dev.rca.web.metrics;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffer in front of the response writer for one scrape, used by one thread. The Prometheus client library writes
 * every label value character by character; {@link java.io.BufferedWriter} takes its lock on each of them, which was
 * most of the time of a scrape with 1,000 tenants enabled (docs/benchmarks.md). This one takes none.
 */
final class ScrapeWriter extends Writer {

    private final Writer out;
    private final char[] buffer;
    private int length;

    ScrapeWriter(Writer out, int capacity) {
        this.out = out;
        this.buffer = new char[capacity];
    }

    @Override
    public void write(int c) throws IOException {
        if (length == buffer.length) {
            drain();
        }
        buffer[length++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int count) throws IOException {
        if (count > buffer.length - length) {
            drain();
            if (count > buffer.length) {
                out.write(chars, offset, count);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, length, count);
        length += count;
    }

    @Override
    public void write(String text, int offset, int count) throws IOException {
        if (count > buffer.length - length) {
            drain();
            if (count > buffer.length) {
                out.write(text, offset, count);
                return;
            }
        }
        text.getChars(offset, offset + count, buffer, length);
        length += count;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void drain() throws IOException {
        if (length > 0) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
