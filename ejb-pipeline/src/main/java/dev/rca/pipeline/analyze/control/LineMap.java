package dev.rca.pipeline.analyze.control;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Which pattern each line of a file belongs to, and whether it continues an event, stored compactly: one unsigned
 * varint per line ({@code pattern << 1 | continuation}), deflated. About two bytes per line before compression.
 */
public final class LineMap {

    private LineMap() {
    }

    public static byte[] encode(int[] entries, int count) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(count * 2 + 16);
        for (int i = 0; i < count; i++) {
            int value = entries[i];
            while ((value & ~0x7F) != 0) {
                raw.write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            raw.write(value);
        }
        return deflate(raw.toByteArray());
    }

    /** The entries of an encoded map: {@code entry >>> 1} is the pattern, {@code entry & 1} the continuation bit. */
    public static int[] decode(byte[] encoded) {
        byte[] raw = inflate(encoded);
        int[] entries = new int[Math.max(16, raw.length)];
        int count = 0;
        int value = 0;
        int shift = 0;
        for (byte b : raw) {
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                entries[count++] = value;
                value = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
        return Arrays.copyOf(entries, count);
    }

    /** A line index ({@link LineSplitter#index()}): ascending byte offsets as varint deltas, deflated. */
    public static byte[] encodeIndex(long[] offsets) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(offsets.length * 3 + 16);
        long previous = 0;
        for (long offset : offsets) {
            long value = offset - previous;
            previous = offset;
            while ((value & ~0x7FL) != 0) {
                raw.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            raw.write((int) value);
        }
        return deflate(raw.toByteArray());
    }

    public static long[] decodeIndex(byte[] encoded) {
        byte[] raw = inflate(encoded);
        long[] offsets = new long[Math.max(1, raw.length)];
        int count = 0;
        long value = 0;
        int shift = 0;
        long previous = 0;
        for (byte b : raw) {
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                previous += value;
                offsets[count++] = previous;
                value = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
        return Arrays.copyOf(offsets, count);
    }

    public static int entry(int pattern, boolean continuation) {
        return pattern << 1 | (continuation ? 1 : 0);
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 4));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated deflate stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a deflate stream", e);
        } finally {
            inflater.end();
        }
    }
}
