package dev.rca.pipeline.analyze.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link TimestampFormat.Reader} against each form's regular expression: for near-timestamps (valid ones, fields
 * out of range, mutated characters, cut short, offsets and fractions of every length) both give the same instant,
 * end and glued level.
 */
class TimestampFormatTest {

    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    private static final String NOISE = "0123456789-:T .,+Z/zWEIF";

    @Test
    void theReaderTakesWhatTheExpressionTakes() {
        Random random = new Random(3);
        for (TimestampFormat format : TimestampFormat.values()) {
            TimestampFormat.Reader reader = format.reader();
            for (int i = 0; i < 20_000; i++) {
                String text = mutate(random, candidate(random), random);
                int start = random.nextInt(3);
                if (start > text.length()) {
                    continue;
                }
                int limit = random.nextInt(4) == 0 ? start + random.nextInt(text.length() - start + 1)
                        : Math.min(text.length(), start + 64);
                assertSame(format, reader, text, start, limit);
            }
        }
    }

    @Test
    void anImpossibleDateIsNoTimestampEvenRightAfterAValidOne() {
        TimestampFormat.Reader reader = TimestampFormat.ISO_8601.reader();
        assertEquals(Instant.parse("2027-01-05T10:00:00Z").toEpochMilli(),
                reader.read("2027-01-05T10:00:00Z", 0, 20, RECEIVED));
        assertEquals(ParsedLine.NO_TIMESTAMP, reader.read("2026-17-05T10:00:00Z", 0, 20, RECEIVED), "month 17");
        assertEquals(Instant.parse("2026-02-01T10:00:00Z").toEpochMilli(),
                reader.read("2026-02-01T10:00:00Z", 0, 20, RECEIVED));
        assertEquals(ParsedLine.NO_TIMESTAMP, reader.read("2026-01-33T10:00:00Z", 0, 20, RECEIVED), "day 33");
    }

    private static void assertSame(TimestampFormat format, TimestampFormat.Reader reader, String text, int start,
                                   int limit) {
        Matcher matcher = format.matcher(text);
        matcher.region(start, limit);
        long expected = matcher.lookingAt() ? format.epochMillis(matcher, text, RECEIVED) : ParsedLine.NO_TIMESTAMP;
        long millis = reader.read(text, start, limit, RECEIVED);
        String what = format + " on '" + text + "' from " + start + " to " + limit;
        assertEquals(expected, millis, what);
        if (expected != ParsedLine.NO_TIMESTAMP) {
            assertEquals(matcher.end(), reader.end(), what);
            assertEquals(format.level(matcher), reader.level(), what);
        }
    }

    /** A timestamp-like text: ISO-8601 in its variants most of the time, random noise otherwise. */
    private static String candidate(Random random) {
        if (random.nextInt(5) == 0) {
            StringBuilder noise = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                noise.append(NOISE.charAt(random.nextInt(NOISE.length())));
            }
            return noise.toString();
        }
        StringBuilder text = new StringBuilder();
        text.append(random.nextInt(3) == 0 ? "x " : "");
        text.append(String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", 1990 + random.nextInt(50), random.nextInt(14),
                random.nextInt(33), random.nextBoolean() ? 'T' : ' ', random.nextInt(26), random.nextInt(62),
                random.nextInt(62)));
        if (random.nextBoolean()) {
            text.append(".,:;".charAt(random.nextInt(4)));
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        String[] zones = {"", "Z", "+02", "-0530", "+05:30", "+5", "-02:3", "+0", "z", " UTC", "+02:", "-1"};
        text.append(zones[random.nextInt(zones.length)]);
        text.append(random.nextBoolean() ? " INFO message" : random.nextBoolean() ? "12" : "");
        return text.toString();
    }

    private static String mutate(Random random, String text, Random choice) {
        if (text.isEmpty() || choice.nextInt(3) != 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            chars[random.nextInt(chars.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
        }
        return new String(chars);
    }
}
