package dev.rca.pipeline.ingest.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict streaming UTF-8 check built on the JDK decoder. Input is staged through a fixed buffer because the
 * decoder leaves an incomplete trailing sequence unconsumed instead of remembering it; the staging buffer
 * carries those few bytes into the next feed(). Decoded characters are thrown away.
 */
public final class Utf8Validator {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer staged = ByteBuffer.allocate(BUFFER_SIZE);
    // one char per byte at most, so decoding a full staging buffer never overflows this
    private final CharBuffer discard = CharBuffer.allocate(BUFFER_SIZE);

    private long bytesFed;
    private long stagedBase;    // stream offset of staged[0]
    private long newlinesDecoded;
    private byte lastByte;
    private boolean failed;
    private boolean finished;

    public void feed(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkUsable();
        int next = offset;
        int end = offset + length;
        while (next < end) {
            int n = Math.min(staged.remaining(), end - next);
            staged.put(bytes, next, n);
            next += n;
            bytesFed += n;
            lastByte = bytes[next - 1];
            decodeStaged(false);
        }
    }

    public void finish() throws InvalidUtf8Exception {
        checkUsable();
        finished = true;
        decodeStaged(true);
        discard.clear();
        decoder.flush(discard);
    }

    public long bytes() {
        return bytesFed;
    }

    public long lines() {
        // bytes held back as an incomplete sequence are never '\n', so counting decoded bytes is exact
        return newlinesDecoded + (bytesFed > 0 && lastByte != '\n' ? 1 : 0);
    }

    private void decodeStaged(boolean endOfInput) throws InvalidUtf8Exception {
        staged.flip();
        CoderResult result;
        do {
            int from = staged.position();
            discard.clear();
            result = decoder.decode(staged, discard, endOfInput);
            newlinesDecoded += countNewlines(from, staged.position());
        } while (result.isOverflow());
        if (result.isError()) {
            failed = true;
            // the decoder leaves the position on the first byte of the offending sequence
            throw new InvalidUtf8Exception(stagedBase + staged.position(), newlinesDecoded + 1);
        }
        stagedBase += staged.position();
        staged.compact();
    }

    private int countNewlines(int from, int to) {
        byte[] array = staged.array();
        int base = staged.arrayOffset();
        int count = 0;
        for (int i = base + from, end = base + to; i < end; i++) {
            if (array[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("input already found invalid");
        }
        if (finished) {
            throw new IllegalStateException("already finished");
        }
    }
}
