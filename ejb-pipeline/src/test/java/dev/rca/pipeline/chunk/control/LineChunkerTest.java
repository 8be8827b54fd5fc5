package dev.rca.pipeline.chunk.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineChunkerTest {

    private final List<ChunkSpan> spans = new ArrayList<>();
    private LineChunker cut;

    @Test
    void rejectsTargetBelowEight() {
        assertThrows(IllegalArgumentException.class, () -> new LineChunker(7, spans::add));
    }

    @Test
    void emptyFileEmitsNothing() {
        cut = new LineChunker(8, spans::add);
        cut.feed(new byte[0], 0, 0);
        cut.finish();

        assertEquals(List.of(), spans);
        assertEquals(0, cut.chunkCount());
    }

    @Test
    void packsLinesUpToTarget() {
        // line lengths 4, 4, 3, 6
        List<ChunkSpan> result = chunk(utf8("aaa\nbbb\ncc\nddddd\n"), 8, Integer.MAX_VALUE);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 8, 1, 2, false),
                new ChunkSpan(1, 8, 11, 3, 3, false),
                new ChunkSpan(2, 11, 17, 4, 4, false)), result);
        assertEquals(3, cut.chunkCount());
    }

    @Test
    void lineOfExactlyTargetIsNotSplit() {
        List<ChunkSpan> result = chunk(utf8("1234567\nab\n"), 8, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 8, 1, 1, false),
                new ChunkSpan(1, 8, 11, 2, 2, false)), result);
    }

    @Test
    void lastLineWithoutNewlineIsALine() {
        assertEquals(List.of(new ChunkSpan(0, 0, 3, 1, 2, false)), chunk(utf8("a\nb"), 8, Integer.MAX_VALUE));
        spans.clear();
        assertEquals(List.of(new ChunkSpan(0, 0, 4, 1, 2, false)), chunk(utf8("a\nb\n"), 8, Integer.MAX_VALUE));
        spans.clear();
        assertEquals(List.of(
                new ChunkSpan(0, 0, 6, 1, 1, false),
                new ChunkSpan(1, 6, 11, 2, 2, false)), chunk(utf8("first\nlast!"), 8, 1));
    }

    @Test
    void emptyLinesAreLines() {
        List<ChunkSpan> result = chunk(utf8("\n".repeat(20)), 8, 3);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 8, 1, 8, false),
                new ChunkSpan(1, 8, 16, 9, 16, false),
                new ChunkSpan(2, 16, 20, 17, 20, false)), result);
    }

    @Test
    void crlfStaysInsideItsLine() {
        byte[] data = utf8("ab\r\ncd\r\nefghij\r\n");

        List<ChunkSpan> result = chunk(data, 8, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 8, 1, 2, false),
                new ChunkSpan(1, 8, 16, 3, 3, false)), result);
        assertCoversExactlyOnce(data, 8, result);
    }

    @Test
    void splitOfLongLineNeverSeparatesCrFromLf() {
        // 9 bytes: a cut at the target would fall between '\r' and '\n'
        byte[] data = utf8("abcdefg\r\nx\n");

        List<ChunkSpan> result = chunk(data, 8, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 7, 1, 1, true),
                new ChunkSpan(1, 7, 9, 1, 1, true),
                new ChunkSpan(2, 9, 11, 2, 2, false)), result);
    }

    @Test
    void lineOneByteOverTargetIsSplitAndFlagged() {
        List<ChunkSpan> result = chunk(utf8("ab\n12345678\ncd\n"), 8, Integer.MAX_VALUE);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 3, 1, 1, false),
                new ChunkSpan(1, 3, 11, 2, 2, true),
                new ChunkSpan(2, 11, 12, 2, 2, true),
                new ChunkSpan(3, 12, 15, 3, 3, false)), result);
    }

    @Test
    void cutBacksOffToCodePointStart() {
        // "€" occupies bytes 7..9, so the cut at 8 must move back to 7
        byte[] data = utf8("aaaaaaa€bbbbbbbbbb\n");

        List<ChunkSpan> result = chunk(data, 8, 1);

        assertEquals(new ChunkSpan(0, 0, 7, 1, 1, true), result.get(0));
        assertEquals(new ChunkSpan(1, 7, 15, 1, 1, true), result.get(1));
        assertEquals(new ChunkSpan(2, 15, 21, 1, 1, true), result.get(2));
        assertEquals(3, result.size());
        assertCoversExactlyOnce(data, 8, result);
    }

    @Test
    void multiByteSequencesAreNeverSplitAtAnyAlignment() {
        for (String symbol : List.of("é", "€", "😀")) {
            for (int shift = 0; shift < 4; shift++) {
                byte[] data = utf8("x".repeat(shift) + symbol.repeat(40) + "\nshort\n" + symbol.repeat(3) + "\n");
                for (int target = 8; target <= 13; target++) {
                    spans.clear();
                    List<ChunkSpan> result = chunk(data, target, 5);
                    assertCoversExactlyOnce(data, target, result);
                    assertTrue(result.stream().anyMatch(ChunkSpan::splitLine), "expected the long line to be split");
                }
            }
        }
    }

    @Test
    void oneMebibyteLineOfThreeByteCharsIsSplitIntoFlaggedPieces() {
        int target = 65_536; // not a multiple of 3, so every cut has to back off
        byte[] data = utf8("€".repeat(350_000) + "\nnext\n");
        int lineLength = 350_000 * 3 + 1;

        for (int feedSize : new int[] {1 << 20, 4096}) {
            spans.clear();
            List<ChunkSpan> result = chunk(data, target, feedSize);

            assertCoversExactlyOnce(data, target, result);
            List<ChunkSpan> pieces = result.subList(0, result.size() - 1);
            assertEquals(17, pieces.size()); // 16 * 65535 = 1048560, remainder 1441
            for (int i = 0; i < pieces.size() - 1; i++) {
                ChunkSpan piece = pieces.get(i);
                assertEquals(65_535, piece.byteLength(), "piece " + i);
                assertEquals(1, piece.firstLine());
                assertEquals(1, piece.lastLine());
                assertTrue(piece.splitLine());
            }
            assertEquals(new ChunkSpan(16, 16L * 65_535, lineLength, 1, 1, true), pieces.get(16));
            assertEquals(new ChunkSpan(17, lineLength, lineLength + 5, 2, 2, false), result.get(17));
        }
    }

    @Test
    void pendingChunkIsEmittedBeforeALongLine() {
        List<ChunkSpan> result = chunk(utf8("ab\ncd\n" + "z".repeat(20) + "\nend"), 8, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 6, 1, 2, false),
                new ChunkSpan(1, 6, 14, 3, 3, true),
                new ChunkSpan(2, 14, 22, 3, 3, true),
                new ChunkSpan(3, 22, 27, 3, 3, true),
                new ChunkSpan(4, 27, 30, 4, 4, false)), result);
    }

    @Test
    void stackTraceMovesToTheNextChunkWithItsFirstLine() {
        byte[] data = utf8("INFO starting\n"   // [0,14)
                + "ERROR boom\n"              // [14,25)
                + "\tat A.bc\n"               // [25,34)
                + "\tat C.de\n"               // [34,43) does not fit, but the record 14..43 does
                + "INFO done\n");             // [43,53)

        List<ChunkSpan> result = chunk(data, 40, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 14, 1, 1, false),
                new ChunkSpan(1, 14, 53, 2, 5, false)), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t", "at ", "Caused by:", "Suppressed:", "..."})
    void recognisesContinuationPrefixes(String prefix) {
        byte[] data = utf8("0123456789\n" + "ERROR x\n" + pad(prefix) + "\n");

        List<ChunkSpan> result = chunk(data, 24, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 11, 1, 1, false),
                new ChunkSpan(1, 11, 31, 2, 3, false)), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at", "atx", "Caused", "..x", "ERROR", "x at "})
    void otherLinesStartNewRecords(String prefix) {
        byte[] data = utf8("0123456789\n" + "ERROR x\n" + pad(prefix) + "\n");

        List<ChunkSpan> result = chunk(data, 24, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 19, 1, 2, false),
                new ChunkSpan(1, 19, 31, 3, 3, false)), result);
    }

    @Test
    void recordLargerThanTargetIsSplitAtLineBoundaries() {
        StringBuilder text = new StringBuilder("INFO x\n").append("ERROR big\n");
        for (int i = 0; i < 10; i++) {
            text.append("\tat f000").append(i).append('\n');
        }
        byte[] data = utf8(text.toString());

        List<ChunkSpan> result = chunk(data, 32, 1);

        assertEquals(List.of(
                new ChunkSpan(0, 0, 7, 1, 1, false),
                new ChunkSpan(1, 7, 37, 2, 4, false),
                new ChunkSpan(2, 37, 67, 5, 7, false),
                new ChunkSpan(3, 67, 97, 8, 10, false),
                new ChunkSpan(4, 97, 117, 11, 12, false)), result);
        assertCoversExactlyOnce(data, 32, result);
    }

    @Test
    void spansDoNotDependOnFeedSizes() {
        byte[] data = mixedLog(new Random(42), 3_000);
        for (int target : new int[] {8, 64, 1000}) {
            spans.clear();
            List<ChunkSpan> reference = List.copyOf(chunk(data, target, Integer.MAX_VALUE));
            assertCoversExactlyOnce(data, target, reference);
            for (int feedSize : new int[] {1, 7, 4096}) {
                spans.clear();
                assertEquals(reference, chunk(data, target, feedSize), "target " + target + ", feed size " + feedSize);
            }
        }
    }

    @Test
    void randomInputsAreCoveredExactlyOnce() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] data = mixedLog(random, random.nextInt(60));
            int target = 8 + random.nextInt(120);
            spans.clear();
            assertCoversExactlyOnce(data, target, chunk(data, target, 1 + random.nextInt(50)));
        }
    }

    private List<ChunkSpan> chunk(byte[] data, int target, int feedSize) {
        cut = new LineChunker(target, spans::add);
        for (int offset = 0; offset < data.length; offset += feedSize) {
            cut.feed(data, offset, Math.min(feedSize, data.length - offset));
        }
        cut.finish();
        assertEquals(spans.size(), cut.chunkCount());
        return spans;
    }

    /** Checks the invariants every chunking must satisfy, recomputing line numbers from the bytes. */
    private static void assertCoversExactlyOnce(byte[] data, int target, List<ChunkSpan> result) {
        if (data.length == 0) {
            assertEquals(List.of(), result);
            return;
        }
        long expectedStart = 0;
        long lineAtStart = 1;
        for (int i = 0; i < result.size(); i++) {
            ChunkSpan span = result.get(i);
            String where = "span " + span;
            assertEquals(i, span.sequence(), where);
            assertEquals(expectedStart, span.startByte(), where);
            assertTrue(span.endByte() > span.startByte(), where);
            assertTrue(span.byteLength() <= target, where);
            long newlinesInside = countNewlines(data, span.startByte(), span.endByte() - 1);
            assertEquals(lineAtStart, span.firstLine(), where);
            assertEquals(lineAtStart + newlinesInside, span.lastLine(), where);
            boolean startsAtLine = span.startByte() == 0 || data[(int) span.startByte() - 1] == '\n';
            boolean endsAtLine = span.endByte() == data.length || data[(int) span.endByte() - 1] == '\n';
            if (span.splitLine()) {
                assertEquals(span.firstLine(), span.lastLine(), where);
                assertEquals(0, newlinesInside, where);
                assertFalse(startsAtLine && endsAtLine, where);
            } else {
                assertTrue(startsAtLine && endsAtLine, where);
            }
            assertStrictUtf8(data, span);
            lineAtStart += newlinesInside + (data[(int) span.endByte() - 1] == '\n' ? 1 : 0);
            expectedStart = span.endByte();
        }
        assertEquals(data.length, expectedStart);
        long totalLines = countNewlines(data, 0, data.length) + (data[data.length - 1] == '\n' ? 0 : 1);
        assertEquals(totalLines, result.get(result.size() - 1).lastLine());
    }

    private static void assertStrictUtf8(byte[] data, ChunkSpan span) {
        try {
            UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, (int) span.startByte(), (int) span.byteLength()));
        } catch (CharacterCodingException e) {
            fail("span " + span + " is not valid UTF-8 on its own", e);
        }
        if (span.startByte() > 0 && data[(int) span.startByte() - 1] == '\r') {
            assertTrue(data[(int) span.startByte()] != '\n', "CRLF split at " + span);
        }
    }

    private static long countNewlines(byte[] data, long from, long to) {
        long count = 0;
        for (long i = from; i < to; i++) {
            if (data[(int) i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static byte[] mixedLog(Random random, int lines) {
        String[] pieces = {"INFO request ok", "ERROR failed to connect", "\tat dev.rca.Foo.bar(Foo.java:42)",
                "Caused by: java.io.IOException: é€😀", "Suppressed: x", "    ... 12 more", "", "déjà vu \r",
                "at the end", "Traceback (most recent call last):", "  File \"x.py\", line 3"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            String line = random.nextInt(15) == 0
                    ? "€😀éa".repeat(1 + random.nextInt(200))
                    : pieces[random.nextInt(pieces.length)];
            out.writeBytes(utf8(line));
            if (i < lines - 1 || random.nextBoolean()) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static String pad(String prefix) {
        return prefix + "x".repeat(11 - prefix.length());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }
}
