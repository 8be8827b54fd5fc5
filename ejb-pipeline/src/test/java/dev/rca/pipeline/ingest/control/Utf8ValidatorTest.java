package dev.rca.pipeline.ingest.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8ValidatorTest {

    private final Utf8Validator cut = new Utf8Validator();

    @Test
    void acceptsAscii() throws InvalidUtf8Exception {
        feedAll(utf8("hello\nworld\n"), Integer.MAX_VALUE);
        cut.finish();

        assertEquals(12, cut.bytes());
        assertEquals(2, cut.lines());
    }

    @Test
    void acceptsMultiByteCharacters() throws InvalidUtf8Exception {
        byte[] data = utf8("é € 😀 \u07FF \uFFFD \uD7FF \uE000 \uDBFF\uDFFF\nzweite Zeile");

        feedAll(data, Integer.MAX_VALUE);
        cut.finish();

        assertEquals(data.length, cut.bytes());
        assertEquals(2, cut.lines());
    }

    @Test
    void reportsInvalidByteWithOffsetAndLine() {
        byte[] data = bytes("ab\ncd", 0xFF, "\nef\n");

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, Integer.MAX_VALUE));

        assertEquals(5, e.byteOffset());
        assertEquals(2, e.line());
        assertEquals("invalid UTF-8 byte sequence at byte offset 5 (line 2)", e.getMessage());
    }

    @Test
    void acceptsSequencesSplitAtEveryPositionAcrossFeeds() throws InvalidUtf8Exception {
        byte[] data = utf8("x€😀é\n");
        for (int split = 0; split <= data.length; split++) {
            Utf8Validator validator = new Utf8Validator();
            validator.feed(data, 0, split);
            validator.feed(data, split, data.length - split);
            validator.finish();
            assertEquals(data.length, validator.bytes());
            assertEquals(1, validator.lines());
        }
    }

    @Test
    void acceptsOneByteFeeds() throws InvalidUtf8Exception {
        byte[] data = utf8("😀€\n\né");

        feedAll(data, 1);
        cut.finish();

        assertEquals(data.length, cut.bytes());
        assertEquals(3, cut.lines());
    }

    @Test
    void reportsInvalidSequenceSplitAcrossFeeds() throws InvalidUtf8Exception {
        // E2 82 starts "€" but the next feed continues with ASCII
        byte[] first = bytes("ok\nx", 0xE2, 0x82);
        byte[] second = utf8("(rest\n");
        cut.feed(first, 0, first.length);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> cut.feed(second, 0, second.length));

        assertEquals(4, e.byteOffset());
        assertEquals(2, e.line());
    }

    @Test
    void reportsInvalidFourByteSequenceFedByteByByte() {
        byte[] data = bytes("a\nb\nc", 0xF0, 0x9F, 0x98, 0x41);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, 1));

        assertEquals(5, e.byteOffset());
        assertEquals(3, e.line());
    }

    @Test
    void reportsTruncatedSequenceAtEndOnFinish() throws InvalidUtf8Exception {
        byte[] data = bytes("ab\ncd", 0xF0, 0x9F, 0x98);
        feedAll(data, 2);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, cut::finish);

        assertEquals(5, e.byteOffset());
        assertEquals(2, e.line());
        assertEquals(8, cut.bytes());
    }

    @Test
    void rejectsOverlongEncoding() {
        byte[] data = bytes("abc", 0xC0, 0xAF, "def");

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, Integer.MAX_VALUE));

        assertEquals(3, e.byteOffset());
        assertEquals(1, e.line());
    }

    @Test
    void rejectsOverlongThreeByteEncoding() {
        byte[] data = bytes("\n", 0xE0, 0x80, 0xAF);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, 1));

        assertEquals(1, e.byteOffset());
        assertEquals(2, e.line());
    }

    @Test
    void rejectsEncodedSurrogate() {
        byte[] data = bytes("x\ny\nz", 0xED, 0xA0, 0x80);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> {
            feedAll(data, Integer.MAX_VALUE);
            cut.finish();
        });

        assertEquals(5, e.byteOffset());
        assertEquals(3, e.line());
    }

    @Test
    void rejectsCodePointAboveUnicodeRange() {
        byte[] data = bytes("", 0xF4, 0x90, 0x80, 0x80);

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> {
            feedAll(data, Integer.MAX_VALUE);
            cut.finish();
        });

        assertEquals(0, e.byteOffset());
        assertEquals(1, e.line());
    }

    @Test
    void refusesFurtherInputAfterFailure() {
        byte[] data = bytes("", 0xFF);
        assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, 1));

        assertThrows(IllegalStateException.class, () -> cut.feed(data, 0, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|0",
            "a|1",
            "a\\n|1",
            "a\\nb|2",
            "\\n|1",
            "\\n\\n|2",
            "\\n\\nx|3",
            "é\\n€\\n😀|3"})
    void countsLines(String escaped, long expectedLines) throws InvalidUtf8Exception {
        byte[] data = utf8(escaped.replace("\\n", "\n"));

        feedAll(data, 1);
        cut.finish();

        assertEquals(expectedLines, cut.lines());
        assertEquals(data.length, cut.bytes());
    }

    @Test
    void reportsExactOffsetDeepInAsciiStream() {
        byte[] line = utf8("0123456789abcde\n"); // 16 bytes
        byte[] data = repeat(line, 8 * 1024 * 1024 / line.length);
        int bad = 5_000_003;
        data[bad] = (byte) 0x80;

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, 64 * 1024));

        assertEquals(bad, e.byteOffset());
        assertEquals(bad / 16 + 1, e.line());
    }

    @Test
    void reportsExactOffsetDeepInMultiByteStream() {
        // 3-byte characters straddle every 64 KiB feed boundary
        byte[] line = utf8("€".repeat(33) + "\n"); // 100 bytes
        byte[] data = repeat(line, 40_000);
        int bad = 3_000_000 + 33 * 3 - 2;     // second byte of the last "€" on line 30001
        data[bad] = 'x';

        InvalidUtf8Exception e = assertThrows(InvalidUtf8Exception.class, () -> feedAll(data, 64 * 1024));

        assertEquals(bad - 1, e.byteOffset());
        assertEquals(30_001, e.line());
    }

    @Test
    void validatesLargeMultiByteStream() throws InvalidUtf8Exception {
        byte[] data = repeat(utf8("€".repeat(33) + "\n"), 40_000);

        feedAll(data, 64 * 1024);
        cut.finish();

        assertEquals(4_000_000, cut.bytes());
        assertEquals(40_000, cut.lines());
    }

    private void feedAll(byte[] data, int feedSize) throws InvalidUtf8Exception {
        for (int offset = 0; offset < data.length; offset += feedSize) {
            cut.feed(data, offset, Math.min(feedSize, data.length - offset));
        }
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(utf8(s));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] result = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, result, i * unit.length, unit.length);
        }
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    static {
        // guards the fixtures above against an editor re-encoding this file
        if (!Arrays.equals("€".getBytes(UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC})) {
            throw new IllegalStateException("test source not read as UTF-8");
        }
    }
}
