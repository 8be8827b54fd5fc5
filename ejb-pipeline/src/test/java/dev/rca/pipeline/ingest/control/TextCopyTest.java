package dev.rca.pipeline.ingest.control;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextCopyTest {

    private static final int BLOCK = 16 * 1024;
    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    private int blocksSeen;

    @Test
    void storesUtf8AsItIsInBlocks() throws Exception {
        byte[] text = "line one\nzweite Zeile é\n".repeat(2000).getBytes(UTF_8);

        TextCopy.Result result = copy(text, true, Long.MAX_VALUE);

        assertArrayEquals(text, stored.toByteArray());
        assertEquals(text.length, result.bytes());
        assertEquals(4000, result.lines());
        assertEquals((text.length + BLOCK - 1) / BLOCK, result.blocks());
        assertEquals(result.blocks(), blocksSeen);
        assertEquals("UTF-8", result.encoding());
        assertFalse(result.bomStripped());
    }

    @Test
    void blocksLargerThanTheFirstBufferAreStillWholeBlocks() throws Exception {
        int block = 1024 * 1024;
        byte[] text = "ein längerer Eintrag im Protokoll\n".repeat(100_000).getBytes(UTF_8);
        List<Integer> lengths = new ArrayList<>();

        TextCopy.Result result = TextCopy.copy(new ByteArrayInputStream(text), true, Long.MAX_VALUE, block,
                (index, data, length) -> {
                    lengths.add(length);
                    stored.write(data, 0, length);
                });

        assertArrayEquals(text, stored.toByteArray());
        assertEquals(List.of(block, block, block, text.length - 3 * block), lengths);
        assertEquals(4, result.blocks());
        assertEquals(100_000, result.lines());
    }

    @Test
    void dropsUtf8ByteOrderMark() throws Exception {
        TextCopy.Result result = copy(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("a\nb")),
                false, Long.MAX_VALUE);

        assertEquals("a\nb", stored.toString(UTF_8));
        assertTrue(result.bomStripped());
        assertFalse(result.transcoded());
    }

    @Test
    void transcodesUtf16LittleEndianWithByteOrderMark() throws Exception {
        String text = "Ünïcødé 😀 line\r\nsecond line\n".repeat(1000);

        TextCopy.Result result = copy(concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(UTF_16LE)), true,
                Long.MAX_VALUE);

        assertEquals(text, stored.toString(UTF_8));
        assertEquals("UTF-16LE", result.encoding());
        assertTrue(result.transcoded());
        assertEquals(2000, result.lines());
    }

    @Test
    void transcodesUtf16BigEndianWithByteOrderMark() throws Exception {
        String text = "big endian\n€\n";

        copy(concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(UTF_16BE)), false, Long.MAX_VALUE);

        assertEquals(text, stored.toString(UTF_8));
    }

    @Test
    void reportsUnpairedSurrogateInUtf16WithItsSourceOffset() {
        // BOM (2) + "ab\n" (6) then a lone high surrogate followed by 'c'
        byte[] data = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "ab\n".getBytes(UTF_16LE),
                new byte[]{0x00, (byte) 0xD8, 'c', 0x00});

        FileProblem problem = assertThrows(FileProblem.class, () -> copy(data, false, Long.MAX_VALUE));

        assertEquals(SkipReason.ENCODING, problem.reason());
        assertEquals(8, problem.byteOffset());
        assertEquals(2, problem.line());
    }

    @Test
    void refusesUtf32() {
        byte[] data = concat(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0}, new byte[]{'a', 0, 0, 0});

        FileProblem problem = assertThrows(FileProblem.class, () -> copy(data, true, Long.MAX_VALUE));

        assertEquals(SkipReason.ENCODING, problem.reason());
        assertTrue(problem.getMessage().contains("UTF-32LE"), problem.getMessage());
    }

    @Test
    void invalidUtf8NearTheStartIsBinaryInsideArchives() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertEquals(SkipReason.BINARY, assertThrows(FileProblem.class, () -> copy(png, true, 1 << 20)).reason());
        FileProblem single = assertThrows(FileProblem.class, () -> copy(png, false, 1 << 20));
        assertEquals(SkipReason.ENCODING, single.reason());
        assertEquals(0, single.byteOffset());
    }

    @Test
    void nulBytesAreBinaryInsideArchivesButKeptInASingleFile() throws Exception {
        byte[] data = utf8("before\u0000after\n");

        assertEquals(SkipReason.BINARY, assertThrows(FileProblem.class, () -> copy(data, true, 1 << 20)).reason());
        copy(data, false, 1 << 20);
        assertArrayEquals(data, stored.toByteArray());
    }

    @Test
    void invalidUtf8AfterTheStartIsAnEncodingProblemWithOffset() {
        byte[] data = concat(utf8("x".repeat(TextCopy.SNIFF_BYTES) + "\nok\n"), new byte[]{(byte) 0xC3, '('});

        FileProblem problem = assertThrows(FileProblem.class, () -> copy(data, true, Long.MAX_VALUE));

        assertEquals(SkipReason.ENCODING, problem.reason());
        assertEquals(TextCopy.SNIFF_BYTES + 4, problem.byteOffset());
        assertEquals(3, problem.line());
    }

    @Test
    void emptyAndBomOnlyFilesAreEmpty() {
        assertEquals(SkipReason.EMPTY, assertThrows(FileProblem.class, () -> copy(new byte[0], true, 10)).reason());
        FileProblem bomOnly = assertThrows(FileProblem.class,
                () -> copy(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, true, 10));
        assertEquals(SkipReason.EMPTY, bomOnly.reason());
        assertEquals("only a byte order mark", bomOnly.getMessage());
    }

    @Test
    void stopsAtTheFileLimit() {
        byte[] data = utf8("y".repeat(3 * BLOCK));

        FileProblem problem = assertThrows(FileProblem.class, () -> copy(data, true, 2L * BLOCK));

        assertEquals(SkipReason.TOO_LARGE, problem.reason());
        assertTrue(stored.size() <= 2 * BLOCK, "stored " + stored.size());
    }

    private TextCopy.Result copy(byte[] data, boolean sniffBinary, long maxFileBytes)
            throws IOException, FileProblem {
        stored.reset();
        blocksSeen = 0;
        return TextCopy.copy(new ByteArrayInputStream(data), sniffBinary, maxFileBytes, BLOCK,
                (index, block, length) -> {
                    assertEquals(blocksSeen++, index);
                    stored.write(block, 0, length);
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
