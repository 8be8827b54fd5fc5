package dev.rca.pipeline.ingest.control;

import dev.rca.uploads.control.BlockSink;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Turns one file's bytes into stored UTF-8 text, block by block, holding one block in memory: a UTF-8 byte order
 * mark is dropped, UTF-16 with a byte order mark is transcoded, anything else must be strict UTF-8. NUL bytes are
 * valid UTF-8 and are kept (blocks are binary columns; the API escapes them in JSON).
 */
public final class TextCopy {

    /** How much of a file's start decides, inside an archive, that it is binary rather than badly encoded text. */
    static final int SNIFF_BYTES = 8 * 1024;
    private static final int FIRST_BUFFER_BYTES = 64 * 1024;

    /**
     * @param encoding    what the file was: {@code UTF-8}, {@code UTF-16LE} or {@code UTF-16BE}
     * @param bomStripped whether a byte order mark was dropped
     */
    public record Result(long bytes, long lines, int blocks, String encoding, boolean bomStripped) {

        public boolean transcoded() {
            return !"UTF-8".equals(encoding);
        }
    }

    private TextCopy() {
    }

    /**
     * @param sniffBinary whether a NUL or invalid UTF-8 in the first {@value #SNIFF_BYTES} bytes makes the file
     *                    {@link SkipReason#BINARY} rather than {@link SkipReason#ENCODING}: the archive entry case
     * @throws FileProblem when the file cannot be stored; blocks already sent to {@code sink} are then the caller's
     *                     to discard
     */
    public static Result copy(InputStream content, boolean sniffBinary, long maxFileBytes, int blockBytes,
                              BlockSink sink) throws IOException, FileProblem {
        BOMInputStream bom = BOMInputStream.builder()
                .setInputStream(content)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_32LE, ByteOrderMark.UTF_32BE,
                        ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                .get();
        ByteOrderMark mark = bom.getBOM();
        int bomLength = mark == null ? 0 : mark.length();
        InputStream text;
        String encoding;
        if (mark == null || mark == ByteOrderMark.UTF_8) {
            text = bom;
            encoding = "UTF-8";
        } else if (mark == ByteOrderMark.UTF_16LE || mark == ByteOrderMark.UTF_16BE) {
            text = new Utf16Transcoder(bom, Charset.forName(mark.getCharsetName()), bomLength);
            encoding = mark.getCharsetName();
        } else {
            throw new FileProblem(FileProblem.Kind.UNSUPPORTED_ENCODING, "in " + mark.getCharsetName() + ", which is not accepted "
                    + "(only UTF-8, and UTF-16 with a byte order mark); convert it to UTF-8", 0, 1);
        }

        Utf8Validator validator = new Utf8Validator();
        // Grows to a whole block only for a file that fills one: a small file never takes a block-sized array.
        byte[] block = new byte[Math.min(blockBytes, FIRST_BUFFER_BYTES)];
        int filled = 0;
        int blocks = 0;
        long bytes = 0;
        int read;
        try {
            while ((read = text.read(block, filled, block.length - filled)) != -1) {
                bytes += read;
                if (bytes > maxFileBytes) {
                    throw new FileProblem(FileProblem.Kind.TOO_LARGE,
                            "larger than the limit of " + maxFileBytes + " bytes per file");
                }
                if (sniffBinary && blocks == 0 && filled < SNIFF_BYTES) {
                    rejectNul(block, filled, Math.min(filled + read, SNIFF_BYTES));
                }
                validator.feed(block, filled, read);
                filled += read;
                if (filled == blockBytes) {
                    sink.accept(blocks++, block, filled);
                    filled = 0;
                } else if (filled == block.length) {
                    block = Arrays.copyOf(block, Math.min(blockBytes, 2 * block.length));
                }
            }
            validator.finish();
        } catch (InvalidUtf8Exception e) {
            if (sniffBinary && e.byteOffset() < SNIFF_BYTES && "UTF-8".equals(encoding)) {
                throw new FileProblem(FileProblem.Kind.BINARY, "not text: invalid UTF-8 at byte offset "
                        + (e.byteOffset() + bomLength), e.byteOffset() + bomLength, e.line());
            }
            throw new FileProblem(FileProblem.Kind.INVALID_UTF8, "not valid UTF-8: invalid byte sequence at byte offset "
                    + (e.byteOffset() + bomLength) + " (line " + e.line() + ")", e.byteOffset() + bomLength,
                    e.line());
        } catch (MalformedTextException e) {
            throw new FileProblem(FileProblem.Kind.INVALID_ENCODING, "not valid " + e.encoding() + ": invalid byte sequence at "
                    + "byte offset " + e.byteOffset() + " (line " + e.line() + ")", e.byteOffset(), e.line());
        }
        if (validator.bytes() == 0) {
            throw mark == null ? new FileProblem(FileProblem.Kind.NO_BYTES, "no bytes")
                    : new FileProblem(FileProblem.Kind.ONLY_BOM, "only a byte order mark");
        }
        if (filled > 0) {
            sink.accept(blocks++, block, filled);
        }
        return new Result(validator.bytes(), validator.lines(), blocks, encoding, mark != null);
    }

    private static void rejectNul(byte[] block, int from, int to) throws FileProblem {
        for (int i = from; i < to; i++) {
            if (block[i] == 0) {
                throw new FileProblem(FileProblem.Kind.BINARY, "not text: a NUL byte at byte offset " + i, i, -1);
            }
        }
    }
}
