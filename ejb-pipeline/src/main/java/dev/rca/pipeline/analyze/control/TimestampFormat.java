package dev.rca.pipeline.analyze.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp forms the header detection knows, each a regular expression with named groups: {@code y} (four
 * digits) or {@code yy}, {@code M} or {@code MMM}, {@code d}, {@code H}, {@code m}, {@code s}, {@code f} (fraction),
 * {@code z} (offset), {@code L} (a level letter glued to the date), {@code es}/{@code ems} (epoch seconds/millis).
 * A zone-less timestamp is UTC; a year-less one takes the latest year that is not after the upload's arrival.
 */
public enum TimestampFormat {
    ISO_8601("ISO-8601 date-time",
            "(?<y>\\d{4})-(?<M>\\d{2})-(?<d>\\d{2})[T ](?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?"
                    + "(?<z>Z|[+-]\\d{2}(?::?\\d{2})?)?"),
    DASHED_DOTTED("yyyy-MM-dd-HH.mm.ss.SSSSSS",
            "(?<y>\\d{4})-(?<M>\\d{2})-(?<d>\\d{2})-(?<H>\\d{2})\\.(?<m>\\d{2})\\.(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?"),
    SLASHED("yyyy/MM/dd HH:mm:ss",
            "(?<y>\\d{4})/(?<M>\\d{2})/(?<d>\\d{2})[ T](?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?"),
    SHORT_SLASHED("yy/MM/dd HH:mm:ss",
            "(?<yy>\\d{2})/(?<M>\\d{2})/(?<d>\\d{2}) (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?"),
    COMPACT_DASHED("yyyyMMdd-HH:mm:ss:SSS",
            "(?<y>\\d{4})(?<M>\\d{2})(?<d>\\d{2})-(?<H>\\d{1,2}):(?<m>\\d{1,2}):(?<s>\\d{1,2})(?::(?<f>\\d{1,3}))?"),
    COMPACT("yyMMdd HHmmss",
            "(?<yy>\\d{2})(?<M>\\d{2})(?<d>\\d{2}) (?<H>\\d{2})(?<m>\\d{2})(?<s>\\d{2})(?!\\d)"),
    APACHE("dd/MMM/yyyy:HH:mm:ss Z",
            "(?<d>\\d{2})/(?<MMM>[A-Z][a-z]{2})/(?<y>\\d{4}):(?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})"
                    + "(?:[.,](?<f>\\d{1,9}))?(?: (?<z>[+-]\\d{4}))?"),
    DAY_MONTH_NAME("dd-MMM-yyyy HH:mm:ss.SSS",
            "(?<d>\\d{2})-(?<MMM>[A-Z][a-z]{2})-(?<y>\\d{4}) (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?"),
    CTIME("EEE MMM d HH:mm:ss yyyy",
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<MMM>[A-Z][a-z]{2}) {1,2}(?<d>\\d{1,2}) (?<H>\\d{2}):(?<m>\\d{2})"
                    + ":(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))? (?<y>\\d{4})"),
    DOTTED_DATE("yyyy.MM.dd",
            "(?<y>\\d{4})\\.(?<M>\\d{2})\\.(?<d>\\d{2})(?: (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2}))?(?![\\d.])"),
    SYSLOG("MMM d HH:mm:ss",
            "(?<MMM>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(?<d>\\d{1,2}) (?<H>\\d{2}):(?<m>\\d{2})"
                    + ":(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?"),
    MONTH_DAY("MM-dd HH:mm:ss.SSS",
            "(?<M>\\d{2})-(?<d>\\d{2}) (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?"),
    DOTTED_MONTH_DAY("MM.dd HH:mm:ss",
            "(?<M>\\d{2})\\.(?<d>\\d{2}) (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})"),
    LEVEL_MONTH_DAY("LMMdd HH:mm:ss.SSSSSS (glog)",
            "(?<L>[IWEF])(?<M>\\d{2})(?<d>\\d{2}) (?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?"),
    EPOCH_MILLIS("epoch milliseconds", "(?<ems>1\\d{12})(?![\\d.])"),
    EPOCH_SECONDS("epoch seconds", "(?<es>1\\d{9})(?:\\.(?<f>\\d{1,9}))?(?![\\d])"),
    TIME_OF_DAY("HH:mm:ss.SSS",
            "(?<H>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?(?![\\d:])");

    // The epoch forms accept ten (or thirteen) digits starting with 1: 2001-09-09 to 2033-05-18.
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC"};

    private final String description;
    private final Pattern pattern;
    private final boolean yearless;
    private final boolean dateless;
    private final boolean fractional;
    private final boolean timed;
    // The number of each named group, or -1 when the form has none: Matcher.start(String) and group(String) look the
    // name up in a map on every call.
    private final int yearGroup;
    private final int shortYearGroup;
    private final int monthGroup;
    private final int monthNameGroup;
    private final int dayGroup;
    private final int hourGroup;
    private final int minuteGroup;
    private final int secondGroup;
    private final int fractionGroup;
    private final int zoneGroup;
    private final int levelGroup;
    private final int epochSecondsGroup;
    private final int epochMillisGroup;

    TimestampFormat(String description, String regex) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
        java.util.Map<String, Integer> indexes = groupIndexes(regex);
        this.yearGroup = indexes.getOrDefault("y", -1);
        this.shortYearGroup = indexes.getOrDefault("yy", -1);
        this.monthGroup = indexes.getOrDefault("M", -1);
        this.monthNameGroup = indexes.getOrDefault("MMM", -1);
        this.dayGroup = indexes.getOrDefault("d", -1);
        this.hourGroup = indexes.getOrDefault("H", -1);
        this.minuteGroup = indexes.getOrDefault("m", -1);
        this.secondGroup = indexes.getOrDefault("s", -1);
        this.fractionGroup = indexes.getOrDefault("f", -1);
        this.zoneGroup = indexes.getOrDefault("z", -1);
        this.levelGroup = indexes.getOrDefault("L", -1);
        this.epochSecondsGroup = indexes.getOrDefault("es", -1);
        this.epochMillisGroup = indexes.getOrDefault("ems", -1);
        this.dateless = !regex.contains("<d>") && !regex.contains("<es>") && !regex.contains("<ems>");
        this.yearless = !dateless && !regex.contains("<y>") && !regex.contains("<yy>") && !regex.contains("<e");
        this.fractional = regex.contains("<f>") || regex.contains("<ems>");
        this.timed = regex.contains("<H>") || regex.contains("<e");
    }

    public String description() {
        return description;
    }

    public Matcher matcher(CharSequence text) {
        return pattern.matcher(text);
    }

    /** How precise the form is, to break ties between forms found equally often in one file. */
    int precision() {
        return (dateless ? 0 : 8) + (yearless || dateless ? 0 : 4) + (timed ? 2 : 0) + (fractional ? 1 : 0);
    }

    /**
     * The instant of a match in epoch milliseconds, or {@link Long#MIN_VALUE} when its fields are out of range.
     *
     * @param reference the upload's arrival: fills in the year (or the date) of forms that lack it
     */
    public long epochMillis(Matcher match, CharSequence text, Instant reference) {
        try {
            if (epochMillisGroup >= 0) {
                return parse(match, text, epochMillisGroup);
            }
            if (epochSecondsGroup >= 0) {
                return parse(match, text, epochSecondsGroup) * 1000 + fractionMillis(match, text);
            }
            int hour = (int) parse(match, text, hourGroup);
            int minute = (int) parse(match, text, minuteGroup);
            int second = timed ? (int) parse(match, text, secondGroup) : 0;
            int fraction = fractional ? fractionMillis(match, text) : 0;
            long offsetMillis = zoneGroup >= 0 ? offsetMillis(match.group(zoneGroup)) : 0;
            long timeOfDay = timeOfDay(hour, minute, second, fraction, offsetMillis);
            if (timeOfDay == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            if (dateless) {
                long referenceMillis = reference.toEpochMilli();
                long day = Math.floorDiv(referenceMillis, DAY_MILLIS) * DAY_MILLIS;
                long millis = day + timeOfDay;
                return millis > referenceMillis ? millis - DAY_MILLIS : millis;
            }
            int month = month(match, text);
            int day = (int) parse(match, text, dayGroup);
            if (yearless) {
                int year = LocalDate.ofInstant(reference, ZoneOffset.UTC).getYear();
                long millis = epochDay(year, month, day) * DAY_MILLIS + timeOfDay;
                if (millis > reference.toEpochMilli()) {
                    millis = epochDay(year - 1, month, day == 29 && month == 2 ? 28 : day) * DAY_MILLIS + timeOfDay;
                }
                return millis;
            }
            int year = shortYearGroup >= 0 ? 2000 + (int) parse(match, text, shortYearGroup)
                    : (int) parse(match, text, yearGroup);
            return epochDay(year, month, day) * DAY_MILLIS + timeOfDay;
        } catch (DateTimeException | IllegalArgumentException e) {
            return Long.MIN_VALUE;
        }
    }

    private static final long DAY_MILLIS = 86_400_000L;

    /** Milliseconds into the UTC day (negative or past it with an offset), or {@link Long#MIN_VALUE} out of range. */
    private static long timeOfDay(int hour, int minute, int second, int fraction, long offsetMillis) {
        if (hour > 23 || minute > 59 || second > 60) {
            return Long.MIN_VALUE;
        }
        return ((hour * 60L + minute) * 60 + second) * 1000 + fraction - offsetMillis;
    }

    /** A reader of this form's timestamps, for one thread. */
    Reader reader() {
        return new Reader();
    }

    /**
     * Reads timestamps of one form, reused from line to line; not thread-safe. ISO-8601, the form most logs print,
     * is read by a scanner that takes exactly what the form's expression matches (and computes the same instant);
     * the other forms by their expression.
     */
    final class Reader {

        private final Matcher matcher = pattern.matcher("");
        private int end;
        private LogLevel level;

        /**
         * The instant of the timestamp at {@code start}, read no further than {@code limit}, in epoch milliseconds;
         * {@link ParsedLine#NO_TIMESTAMP} when there is none or its fields are out of range.
         */
        long read(CharSequence text, int start, int limit, Instant reference) {
            if (TimestampFormat.this == ISO_8601) {
                level = null;
                return readIso(text, start, limit);
            }
            matcher.reset(text);
            matcher.region(start, limit);
            if (!matcher.lookingAt()) {
                return ParsedLine.NO_TIMESTAMP;
            }
            long millis = epochMillis(matcher, text, reference);
            if (millis != ParsedLine.NO_TIMESTAMP) {
                end = matcher.end();
                level = TimestampFormat.this.level(matcher);
            }
            return millis;
        }

        /** Where the last timestamp read ends. */
        int end() {
            return end;
        }

        /** The level glued to the last timestamp read, or null. */
        LogLevel level() {
            return level;
        }

        /** {@link #ISO_8601}: {@code yyyy-MM-dd[T ]HH:mm:ss}, then optionally {@code [.,]} and 1-9 digits, then an
         * optional {@code Z}, {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm}. */
        private long readIso(CharSequence text, int start, int limit) {
            if (limit - start < 19 || !digits(text, start, 4) || text.charAt(start + 4) != '-'
                    || !digits(text, start + 5, 2) || text.charAt(start + 7) != '-' || !digits(text, start + 8, 2)
                    || text.charAt(start + 10) != 'T' && text.charAt(start + 10) != ' '
                    || !digits(text, start + 11, 2) || text.charAt(start + 13) != ':' || !digits(text, start + 14, 2)
                    || text.charAt(start + 16) != ':' || !digits(text, start + 17, 2)) {
                return ParsedLine.NO_TIMESTAMP;
            }
            int at = start + 19;
            int fraction = 0;
            if (at + 1 < limit && (text.charAt(at) == '.' || text.charAt(at) == ',') && digit(text.charAt(at + 1))) {
                int from = at + 1;
                at = from;
                while (at < limit && at - from < 9 && digit(text.charAt(at))) {
                    at++;
                }
                for (int i = from; i < from + 3; i++) {
                    fraction = fraction * 10 + (i < at ? text.charAt(i) - '0' : 0);
                }
            }
            long offsetMillis = 0;
            if (at < limit && text.charAt(at) == 'Z') {
                at++;
            } else if (at + 2 < limit && (text.charAt(at) == '+' || text.charAt(at) == '-')
                    && digits(text, at + 1, 2)) {
                int sign = text.charAt(at) == '-' ? -1 : 1;
                int hours = number(text, at + 1, 2);
                int minutes = 0;
                at += 3;
                if (at + 2 < limit && text.charAt(at) == ':' && digits(text, at + 1, 2)) {
                    minutes = number(text, at + 1, 2);
                    at += 3;
                } else if (at + 1 < limit && digits(text, at, 2)) {
                    minutes = number(text, at, 2);
                    at += 2;
                }
                offsetMillis = sign * (hours * 60L + minutes) * 60_000L;
            }
            long timeOfDay = timeOfDay(number(text, start + 11, 2), number(text, start + 14, 2),
                    number(text, start + 17, 2), fraction, offsetMillis);
            if (timeOfDay == Long.MIN_VALUE) {
                return ParsedLine.NO_TIMESTAMP;
            }
            try {
                long millis = epochDay(number(text, start, 4), number(text, start + 5, 2), number(text, start + 8, 2))
                        * DAY_MILLIS + timeOfDay;
                end = at;
                return millis;
            } catch (DateTimeException e) {
                return ParsedLine.NO_TIMESTAMP;
            }
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(CharSequence text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!digit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number of {@code count} digits at {@code from}, known to be digits. */
    private static int number(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** The day's number since 1970-01-01 (the last date asked is remembered: most lines share their date). */
    private long epochDay(int year, int month, int day) {
        if (month < 0 || month > 99 || day < 0 || day > 99) {
            return LocalDate.of(year, month, day).toEpochDay(); // throws: no such date
        }
        // one key per year, month and day as printed, so that an impossible date never hits a real one's entry
        long key = (year * 100L + month) * 100 + day;
        long[] last = lastDay.get();
        if (last[0] == key) {
            return last[1];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        last[0] = key;
        last[1] = epochDay;
        return epochDay;
    }

    private final ThreadLocal<long[]> lastDay = ThreadLocal.withInitial(() -> new long[]{-1, 0});

    /** A numeric field; an optional one that is absent (the time of a date-only {@code yyyy.MM.dd}) is 0. */
    private static long parse(Matcher match, CharSequence text, int index) {
        int start = match.start(index);
        return start < 0 ? 0 : Long.parseLong(text, start, match.end(index), 10);
    }

    /** The number of each named group: capturing groups are numbered by their opening parenthesis. */
    private static java.util.Map<String, Integer> groupIndexes(String regex) {
        java.util.Map<String, Integer> indexes = new java.util.HashMap<>();
        int number = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                    if (i + 2 < regex.length() && regex.charAt(i + 2) == '<' && i + 3 < regex.length()
                            && Character.isLetter(regex.charAt(i + 3))) {
                        number++;
                        indexes.put(regex.substring(i + 3, regex.indexOf('>', i)), number);
                    }
                } else {
                    number++;
                }
            }
        }
        return java.util.Map.copyOf(indexes);
    }

    /** The level a form glues to its date (glog's {@code E1205}), or null. */
    LogLevel level(Matcher match) {
        String letter = levelGroup < 0 ? null : match.group(levelGroup);
        return letter == null ? null : LogLevel.ofLetter(letter.charAt(0));
    }

    private int month(Matcher match, CharSequence text) {
        if (monthNameGroup < 0) {
            return (int) parse(match, text, monthGroup);
        }
        int start = match.start(monthNameGroup);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].regionMatches(true, 0, text.toString(), start, 3)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no month at " + start);
    }

    private int fractionMillis(Matcher match, CharSequence text) {
        if (fractionGroup < 0) {
            return 0;
        }
        int start = match.start(fractionGroup);
        if (start < 0) {
            return 0;
        }
        int end = match.end(fractionGroup);
        int millis = 0;
        for (int i = 0; i < 3; i++) {
            millis = millis * 10 + (start + i < end ? text.charAt(start + i) - '0' : 0);
        }
        return millis;
    }

    private static long offsetMillis(String zone) {
        if (zone == null || zone.equals("Z")) {
            return 0;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return sign * (hours * 60L + minutes) * 60_000L;
    }

    /** A zone name printed after a zone-less timestamp (PostgreSQL's {@code UTC}, {@code CET}), or null. */
    static ZoneId zoneNamed(String token) {
        if (token.length() < 3 || token.length() > 5) {
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < 'A' || token.charAt(i) > 'Z') {
                return null;
            }
        }
        return ZONE_NAMES.get(token);
    }

    /**
     * What {@code ZoneId.of(name, ZoneId.SHORT_IDS)} gives for every name of three to five capital letters it takes.
     * Such a name is either a short id or, as the JDK parses it, a region id of the zone rules: asking for it once
     * here spares every header word such as {@code INFO} an exception.
     */
    private static final java.util.Map<String, ZoneId> ZONE_NAMES = zoneNames();

    private static java.util.Map<String, ZoneId> zoneNames() {
        java.util.Set<String> candidates = new java.util.TreeSet<>(ZoneId.SHORT_IDS.keySet());
        candidates.addAll(ZoneId.getAvailableZoneIds());
        java.util.Map<String, ZoneId> zones = new java.util.HashMap<>();
        for (String name : candidates) {
            if (name.length() >= 3 && name.length() <= 5 && name.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                try {
                    zones.put(name, ZoneId.of(name, ZoneId.SHORT_IDS));
                } catch (DateTimeException e) {
                    // a short id whose zone the rules lack: not a zone here either
                }
            }
        }
        return java.util.Map.copyOf(zones);
    }
}
