package dev.rca.pipeline.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-16 in (byte order mark already consumed), UTF-8 out, streaming, through the JDK's coders. An unpaired
 * surrogate or a truncated last unit ends the stream with {@link MalformedTextException} naming the source offset,
 * which an {@code InputStreamReader} could not do.
 */
final class Utf16Transcoder extends InputStream {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream in;
    private final long sourceBase;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final ByteBuffer source = ByteBuffer.allocate(BUFFER_SIZE);
    // UTF-16 needs two bytes per char, so a full source buffer always decodes into this
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    // at most three UTF-8 bytes per UTF-16 unit
    private final ByteBuffer output = ByteBuffer.allocate(3 * BUFFER_SIZE).flip();
    private long consumed;
    private long newlines;
    private boolean endOfInput;
    private boolean done;

    /**
     * @param charset    {@code UTF-16LE} or {@code UTF-16BE}
     * @param sourceBase bytes before {@code in}'s first (the byte order mark), added to reported offsets
     */
    Utf16Transcoder(InputStream in, Charset charset, long sourceBase) {
        this.in = in;
        this.sourceBase = sourceBase;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!output.hasRemaining()) {
            if (done) {
                return -1;
            }
            transcodeMore();
        }
        int n = Math.min(len, output.remaining());
        output.get(b, off, n);
        return n;
    }

    private void transcodeMore() throws IOException {
        if (!endOfInput) {
            int read = in.read(source.array(), source.position(), source.remaining());
            if (read == -1) {
                endOfInput = true;
            } else {
                source.position(source.position() + read);
            }
        }
        source.flip();
        chars.clear();
        CoderResult result = decoder.decode(source, chars, endOfInput);
        if (result.isError()) {
            chars.flip();
            throw new MalformedTextException("UTF-16", sourceBase + consumed + source.position(),
                    newlines + countNewlines(chars) + 1);
        }
        consumed += source.position();
        source.compact();
        if (endOfInput) {
            decoder.flush(chars);
            done = true;
        }
        chars.flip();
        newlines += countNewlines(chars);
        output.clear();
        encoder.reset();
        encoder.encode(chars, output, true);
        encoder.flush(output);
        output.flip();
    }

    private static long countNewlines(CharBuffer decoded) {
        long count = 0;
        for (int i = decoded.position(); i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
