package dev.rca.pipeline.analyze.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
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
    private final java.util.Set<String> groups;

    TimestampFormat(String description, String regex) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
        this.groups = Pattern.compile("\\(\\?<([a-zA-Z]+)>").matcher(regex).results()
                .map(result -> result.group(1)).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
    public long epochMillis(Matcher match, Instant reference) {
        try {
            String epochMillis = group(match, "ems");
            if (epochMillis != null) {
                return Long.parseLong(epochMillis);
            }
            String epochSeconds = group(match, "es");
            if (epochSeconds != null) {
                return Long.parseLong(epochSeconds) * 1000 + fractionMillis(group(match, "f"));
            }
            int hour = Integer.parseInt(match.group("H"));
            int minute = Integer.parseInt(match.group("m"));
            int second = timed ? Integer.parseInt(match.group("s")) : 0;
            int fraction = fractional ? fractionMillis(group(match, "f")) : 0;
            ZoneOffset offset = offset(group(match, "z"));
            if (dateless) {
                LocalDateTime day = LocalDateTime.ofInstant(reference, ZoneOffset.UTC);
                LocalDateTime at = day.withHour(hour).withMinute(minute).withSecond(second).withNano(0);
                long millis = at.toInstant(offset).toEpochMilli() + fraction;
                return millis > reference.toEpochMilli() ? millis - 86_400_000L : millis;
            }
            int month = month(match);
            int day = Integer.parseInt(match.group("d"));
            if (yearless) {
                int year = LocalDateTime.ofInstant(reference, ZoneOffset.UTC).getYear();
                long millis = LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset)
                        .toEpochMilli() + fraction;
                if (millis > reference.toEpochMilli()) {
                    millis = LocalDateTime.of(year - 1, month, day == 29 && month == 2 ? 28 : day, hour, minute,
                            second).toInstant(offset).toEpochMilli() + fraction;
                }
                return millis;
            }
            String shortYear = group(match, "yy");
            int year = shortYear != null ? 2000 + Integer.parseInt(shortYear) : Integer.parseInt(match.group("y"));
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset).toEpochMilli()
                    + fraction;
        } catch (DateTimeException | IllegalArgumentException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The level a form glues to its date (glog's {@code E1205}), or null. */
    LogLevel level(Matcher match) {
        String letter = group(match, "L");
        return letter == null ? null : LogLevel.ofLetter(letter.charAt(0));
    }

    private int month(Matcher match) {
        String name = group(match, "MMM");
        if (name == null) {
            return Integer.parseInt(match.group("M"));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(upper)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }

    private static int fractionMillis(String fraction) {
        if (fraction == null) {
            return 0;
        }
        int millis = 0;
        for (int i = 0; i < 3; i++) {
            millis = millis * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return millis;
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private String group(Matcher match, String name) {
        return groups.contains(name) ? match.group(name) : null;
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
        try {
            return ZoneId.of(token, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
