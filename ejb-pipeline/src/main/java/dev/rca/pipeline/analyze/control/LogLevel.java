package dev.rca.pipeline.analyze.control;

import java.util.HashMap;
import java.util.Map;

/**
 * The six levels every input is normalised to, from the synonyms log sources print: Java's SEVERE, syslog's
 * priorities and keywords (emerg, crit, err, notice…), PostgreSQL's LOG and PANIC, single letters (logcat, glog).
 */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    private static final Map<String, LogLevel> WORDS = new HashMap<>();
    private static final Map<Character, LogLevel> LETTERS = Map.of(
            'V', TRACE, 'T', TRACE, 'D', DEBUG, 'I', INFO, 'W', WARN, 'E', ERROR, 'F', FATAL, 'A', FATAL);
    private static final LogLevel[] SYSLOG_SEVERITIES = {FATAL, FATAL, FATAL, ERROR, WARN, INFO, INFO, DEBUG};

    private static final int MAX_WORD = 13;
    @SuppressWarnings("unchecked")
    private static final Map.Entry<String, LogLevel>[][] BY_LENGTH = new Map.Entry[MAX_WORD + 1][];

    static {
        words(TRACE, "TRACE", "TRC", "FINEST", "FINER", "VERBOSE");
        words(DEBUG, "DEBUG", "DBG", "FINE", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5");
        words(INFO, "INFO", "INF", "INFORMATION", "INFORMATIONAL", "NOTICE", "LOG", "CONFIG");
        words(WARN, "WARN", "WARNING", "WRN");
        words(ERROR, "ERROR", "ERR", "SEVERE");
        words(FATAL, "FATAL", "CRIT", "CRITICAL", "EMERG", "EMERGENCY", "ALERT", "PANIC");
        for (int length = 0; length <= MAX_WORD; length++) {
            int wanted = length;
            BY_LENGTH[length] = WORDS.entrySet().stream().filter(word -> word.getKey().length() == wanted)
                    .sorted(Map.Entry.comparingByKey()).toArray(Map.Entry[]::new);
        }
    }

    private static void words(LogLevel level, String... words) {
        for (String word : words) {
            WORDS.put(word, level);
        }
    }

    /** The level a header token names (case-insensitive, without brackets or a trailing colon), or null. */
    public static LogLevel ofWord(CharSequence token) {
        String text = token.toString();
        return ofWord(text, 0, text.length());
    }

    /** {@link #ofWord(CharSequence)} of {@code text[start, end)}, without copying it. */
    public static LogLevel ofWord(String text, int start, int end) {
        int length = end - start;
        if (length < 3 || length > MAX_WORD) {
            return null;
        }
        for (Map.Entry<String, LogLevel> word : BY_LENGTH[length]) {
            if (word.getKey().regionMatches(true, 0, text, start, length)) {
                return word.getValue();
            }
        }
        return null;
    }

    /** The level of a single-letter header field (logcat's {@code E}, glog's {@code W1205}), or null. */
    public static LogLevel ofLetter(char letter) {
        return LETTERS.get(letter);
    }

    /** The level of a syslog priority ({@code <13>}): its severity is the priority modulo 8. */
    public static LogLevel ofSyslogPriority(int priority) {
        return SYSLOG_SEVERITIES[Math.floorMod(priority, 8)];
    }

    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    /** The more severe of two levels; null counts as less than any. */
    public static LogLevel max(LogLevel a, LogLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
