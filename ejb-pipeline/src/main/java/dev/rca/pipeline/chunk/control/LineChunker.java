package dev.rca.pipeline.chunk.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts a streamed UTF-8 file into {@link ChunkSpan}s of at most targetBytes at line boundaries, keeping
 * multi-line records (stack traces) together where they fit. Only offsets and the first few bytes of the
 * current line are kept, so memory stays constant however long a line or the file is, and the spans depend
 * only on the bytes and the target, not on how the bytes were split into feed() calls.
 */
public final class LineChunker {

    private static final byte[][] CONTINUATION_PREFIXES = {
            ascii("at "), ascii("Caused by:"), ascii("Suppressed:"), ascii("...")};
    private static final int HEAD_BYTES = 11; // longest prefix, "Suppressed:"

    private final int targetBytes;
    private final Consumer<ChunkSpan> sink;

    private long position;
    private long lineStart;
    private long lineNumber = 1;
    private final byte[] head = new byte[HEAD_BYTES];
    // the last four bytes seen, lowest byte most recent: enough to back a cut off to a code point start
    private int recentBytes;
    private boolean longLine;
    private long pieceStart;

    private long chunkStart;
    private long chunkFirstLine = 1;
    private long recordStart;
    private long recordFirstLine = 1;

    private int sequence;
    private boolean finished;

    public LineChunker(int targetBytes, Consumer<ChunkSpan> sink) {
        // a piece must still be non-empty after backing a cut off by up to three bytes
        if (targetBytes < 8) {
            throw new IllegalArgumentException("targetBytes must be >= 8, was " + targetBytes);
        }
        this.targetBytes = targetBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (finished) {
            throw new IllegalStateException("feed() after finish()");
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int skipped = skipLineBody(bytes, i, end);
            if (skipped > 0) {
                i += skipped - 1;
                continue;
            }
            byte b = bytes[i];
            long lineLength = position - lineStart;
            if (lineLength < HEAD_BYTES) {
                head[(int) lineLength] = b;
            }
            if (!longLine && lineLength == targetBytes) {
                emitPendingChunk();
                longLine = true;
                pieceStart = lineStart;
            }
            if (longLine && position - pieceStart == targetBytes) {
                cutPiece(b);
            }
            recentBytes = (recentBytes << 8) | (b & 0xFF);
            position++;
            if (b == '\n') {
                endLine();
            }
        }
    }

    /**
     * The fast path: inside an ordinary line, past its head and short of the target, a byte only moves the position
     * until the next newline. Skips such bytes from {@code from} and returns how many (0 when the byte at {@code
     * from} needs the full treatment of feed()).
     */
    private int skipLineBody(byte[] bytes, int from, int end) {
        long lineLength = position - lineStart;
        if (longLine || lineLength < HEAD_BYTES) {
            return 0;
        }
        // the byte that makes the line reach the target must take the slow path, which notices it
        int stop = (int) Math.min(end, from + (targetBytes - lineLength));
        int i = from;
        while (i < stop && bytes[i] != '\n') {
            i++;
        }
        for (int k = Math.max(from, i - 4); k < i; k++) {
            recentBytes = (recentBytes << 8) | (bytes[k] & 0xFF);
        }
        position += i - from;
        return i - from;
    }

    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (position > lineStart) {
            endLine();
        }
        emitPendingChunk();
    }

    public int chunkCount() {
        return sequence;
    }

    // Called with the byte at 'position' that would make the current piece exceed the target.
    private void cutPiece(byte next) {
        long cut = position;
        if (isUtf8Continuation(next)) {
            for (int back = 1; back <= 3; back++) {
                int previous = (recentBytes >>> (8 * (back - 1))) & 0xFF;
                if (!isUtf8Continuation(previous)) {
                    cut = position - back;
                    break;
                }
            }
            // malformed input (more than three continuation bytes): cut where we are rather than loop
        } else if (next == '\n' && (recentBytes & 0xFF) == '\r') {
            cut = position - 1;
        }
        emit(pieceStart, cut, lineNumber, lineNumber, true);
        pieceStart = cut;
    }

    private void endLine() {
        long lineEnd = position;
        boolean continuation = lineNumber > 1 && startsWithContinuationPrefix((int) Math.min(lineEnd - lineStart, HEAD_BYTES));
        if (!continuation) {
            recordStart = lineStart;
            recordFirstLine = lineNumber;
        }
        if (longLine) {
            emit(pieceStart, lineEnd, lineNumber, lineNumber, true);
            longLine = false;
            chunkStart = lineEnd;
            chunkFirstLine = lineNumber + 1;
        } else if (lineEnd - chunkStart <= targetBytes) {
            // Nothing is emitted while lines fit: only an overflow or the end decides a chunk's end.
        } else if (continuation && recordStart > chunkStart && lineEnd - recordStart <= targetBytes) {
            // move the record's earlier lines into the next chunk so the trace stays with its first line
            emit(chunkStart, recordStart, chunkFirstLine, recordFirstLine - 1, false);
            chunkStart = recordStart;
            chunkFirstLine = recordFirstLine;
        } else {
            // chunk cannot be empty here: a line of at most targetBytes always fits an empty chunk
            emit(chunkStart, lineStart, chunkFirstLine, lineNumber - 1, false);
            chunkStart = lineStart;
            chunkFirstLine = lineNumber;
        }
        lineNumber++;
        lineStart = lineEnd;
    }

    private void emitPendingChunk() {
        if (lineStart > chunkStart) {
            emit(chunkStart, lineStart, chunkFirstLine, lineNumber - 1, false);
            chunkStart = lineStart;
            chunkFirstLine = lineNumber;
        }
    }

    private void emit(long start, long end, long firstLine, long lastLine, boolean splitLine) {
        sink.accept(new ChunkSpan(sequence++, start, end, firstLine, lastLine, splitLine));
    }

    private boolean startsWithContinuationPrefix(int available) {
        if (available == 0) {
            return false;
        }
        if (head[0] == ' ' || head[0] == '\t') {
            return true;
        }
        for (byte[] prefix : CONTINUATION_PREFIXES) {
            if (prefix.length <= available && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8Continuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
