package dev.rca.pipeline.analyze.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a file's streamed UTF-8 bytes into lines (without their {@code \n}), holding at most {@code maxLineBytes} of
 * a line: the rest of a longer line is skipped, not kept. A last line without a newline is a line too. Records where
 * every {@link #INDEX_STEP}th line starts, so that a line can later be read without reading the file from its start.
 */
public final class LineSplitter {

    /** Lines between two entries of the line index. */
    public static final int INDEX_STEP = 256;

    private final int maxLineBytes;
    private final Consumer<String> sink;
    private long position;
    private long[] index = new long[16];
    private int indexEntries;
    private byte[] pending = new byte[256];
    private int pendingLength;
    private long lines;
    private long cutLines;

    public LineSplitter(int maxLineBytes, Consumer<String> sink) {
        this.maxLineBytes = maxLineBytes;
        this.sink = sink;
    }

    public void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        int start = offset;
        long base = position - offset;
        position += length;
        if (pendingLength == 0 && !pendingCut) {
            lineStarts(base + offset);
        }
        for (int i = offset; i < end; i++) {
            if (data[i] == '\n') {
                if (pendingLength == 0 && i - start <= maxLineBytes) {
                    emit(new String(data, start, i - start, StandardCharsets.UTF_8), false);
                } else {
                    keep(data, start, i - start);
                    emit(new String(pending, 0, pendingLength, StandardCharsets.UTF_8), pendingCut);
                    pendingLength = 0;
                    pendingCut = false;
                }
                start = i + 1;
                if (start < end) {
                    lineStarts(base + start);
                }
            }
        }
        if (start < end) {
            keep(data, start, end - start);
        }
    }

    private boolean pendingCut;
    private long lastStart = -1;

    /** Called at the first byte of every line. */
    private void lineStarts(long at) {
        if (at == lastStart) {
            return;
        }
        lastStart = at;
        if (lines % INDEX_STEP == 0 && indexEntries == lines / INDEX_STEP) {
            if (indexEntries == index.length) {
                index = Arrays.copyOf(index, index.length * 2);
            }
            index[indexEntries++] = at;
        }
    }

    /** The byte offset of lines 1, 1 + {@link #INDEX_STEP}, 1 + 2 × {@link #INDEX_STEP}… */
    public long[] index() {
        return Arrays.copyOf(index, indexEntries);
    }

    private void keep(byte[] data, int start, int length) {
        int room = maxLineBytes - pendingLength;
        if (length > room) {
            pendingCut = true;
            length = Math.max(0, room);
        }
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + length, pending.length * 2));
        }
        System.arraycopy(data, start, pending, pendingLength, length);
        pendingLength += length;
    }

    private void emit(String line, boolean cut) {
        lines++;
        if (cut) {
            cutLines++;
        }
        sink.accept(line);
    }

    public void finish() {
        if (pendingLength > 0 || pendingCut) {
            emit(new String(pending, 0, pendingLength, StandardCharsets.UTF_8), pendingCut);
            pendingLength = 0;
            pendingCut = false;
        }
    }

    public long lines() {
        return lines;
    }

    /** Lines longer than the limit, of which only the first {@code maxLineBytes} were passed on. */
    public long cutLines() {
        return cutLines;
    }
}
