package dev.rca.pipeline.analyze.control;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Splits lines of one file into header fields and message by the file's {@link FileLayout}. Not thread-safe: one
 * parser per file being read.
 *
 * <p>After the timestamp the header is read field by field, the same way for every layout: a level word (or a level
 * letter followed by a tag) within the first six fields, with the fields before it (process ids, hosts, components);
 * then bracketed fields ({@code [main]}, {@code (MSC service thread 1-2)}); then a name followed by {@code -},
 * {@code |} or two spaces (a logger or a component column), or, where the layout says so, a name ending with a
 * colon. What follows is the message.
 */
public final class LineParser {

    static final int LEVEL_LOOKAHEAD = 6;
    static final int MAX_PIPED_FIELDS = 4;
    private static final int MAX_BRACKET = 256;
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String[] JSON_TIMESTAMP = {"@timestamp", "timestamp", "time", "ts", "t", "date", "datetime"};
    private static final String[] JSON_LEVEL = {"level", "lvl", "severity", "log.level", "levelname", "loglevel"};
    private static final String[] JSON_MESSAGE = {"message", "msg", "@message", "log", "text", "event"};
    private static final String[] JSON_LOGGER = {"logger", "logger_name", "loggerName", "name", "component"};
    private static final String[] JSON_THREAD = {"thread", "thread_name", "threadName"};

    private final FileLayout layout;
    private final Instant reference;
    private final TimestampFormat.Reader timestamps;
    private final int[] starts = new int[LEVEL_LOOKAHEAD + 2];
    private final int[] ends = new int[LEVEL_LOOKAHEAD + 2];

    /** Fields of the last line seen by {@link #header}, for the layout detection. */
    boolean sawColonName;

    public LineParser(FileLayout layout, Instant reference) {
        this.layout = layout;
        this.reference = reference;
        this.timestamps = layout.format() == null ? null : layout.format().reader();
    }

    public FileLayout layout() {
        return layout;
    }

    public ParsedLine parse(String line, ParsedLine out) {
        out.reset(line);
        if (layout.json()) {
            if (!line.isEmpty() && line.charAt(0) == '{') {
                parseJson(line, out);
            }
            return out;
        }
        int length = line.length();
        int position = 0;
        if (length > 2 && line.charAt(0) == '<') {
            int close = line.indexOf('>');
            if (close > 1 && close <= 4 && digits(line, 1, close)) {
                out.level = LogLevel.ofSyslogPriority(Integer.parseInt(line, 1, close, 10));
                position = close + 1;
            }
        }
        boolean header = out.level != null;
        if (timestamps != null) {
            int end = timestamp(line, position, layout.prefixTokens(), out);
            if (end < 0) {
                out.messageStart = 0;
                return out;
            }
            position = end;
            header = true;
        }
        out.messageStart = header(line, position, out, header);
        return out;
    }

    /** Reads the timestamp after {@code prefix} fields; returns where the header goes on, or -1 when there is none. */
    int timestamp(String line, int from, int prefix, ParsedLine out) {
        int length = line.length();
        int start = skipTokens(line, from, prefix);
        if (start >= length) {
            return -1;
        }
        boolean bracket = line.charAt(start) == '[';
        boolean quoted = false;
        if (bracket) {
            start++;
        } else {
            // a key=value header (logfmt's ts=…, time="…")
            int value = valueStart(line, start);
            if (value > 0) {
                quoted = value < length && line.charAt(value) == '"';
                start = quoted ? value + 1 : value;
            }
        }
        long millis = timestamps.read(line, start, Math.min(length, start + 64), reference);
        if (millis == ParsedLine.NO_TIMESTAMP) {
            return -1;
        }
        int end = timestamps.end();
        LogLevel glued = timestamps.level();
        if (glued != null) {
            out.level = glued;
        }
        if (end < length && (line.charAt(end) == ']' || quoted && line.charAt(end) == '"')) {
            end++;
        }
        // a zone name after a zone-less timestamp: PostgreSQL's "2024-01-05 10:00:00.123 UTC"
        if (end + 1 < length && line.charAt(end) == ' ') {
            int zoneEnd = tokenEnd(line, end + 1);
            ZoneId zone = TimestampFormat.zoneNamed(line.substring(end + 1, zoneEnd));
            if (zone != null) {
                millis = shift(millis, zone);
                end = zoneEnd;
            }
        }
        if (end < length && (line.charAt(end) == ',' || line.charAt(end) == ']')) {
            end++;
        }
        out.timestamp = millis;
        return end;
    }

    private static long shift(long utcMillis, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(utcMillis, 1000), 0, ZoneOffset.UTC);
            return utcMillis - zone.getRules().getOffset(local).getTotalSeconds() * 1000L;
        } catch (DateTimeException e) {
            return utcMillis;
        }
    }

    /**
     * Reads header fields from {@code position}; returns where the message starts. Without a header context (no
     * timestamp, no syslog priority) only a leading level is taken: the rest of such a line is its message.
     */
    int header(String line, int position, ParsedLine out, boolean context) {
        sawColonName = false;
        if (context && position < line.length() && line.charAt(position) == '|') {
            return pipedHeader(line, position, out);
        }
        int first = skipSpaces(line, position);
        if (context && valueStart(line, first) > 0) {
            return keyValueHeader(line, first, out);
        }
        int count = tokens(line, position);
        if (context && count >= 2 && isStream(line, 0) && ends[1] - starts[1] == 1
                && (line.charAt(starts[1]) == 'F' || line.charAt(starts[1]) == 'P')) {
            // a container runtime's record (CRI): stream and full/partial tag, then the container's own line
            out.partial = line.charAt(starts[1]) == 'P';
            int own = ends[1] + 1;
            out.indented = own < line.length() && (line.charAt(own) == ' ' || line.charAt(own) == '\t');
            return skipSpaces(line, ends[1]);
        }
        if (count == 0) {
            return line.length();
        }
        int next = 0;
        int levelAt = -1;
        for (int i = 0; i < count && i < LEVEL_LOOKAHEAD && (context || i == 0); i++) {
            LogLevel level = levelOf(line, i, count);
            if (level != null) {
                levelAt = i;
                out.level = level;
                break;
            }
            if (line.charAt(ends[i] - 1) == ':') {
                break; // a name ending with a colon ends the header: what follows is the message
            }
        }
        if (levelAt < 0 && out.level != null) {
            // the level came with the timestamp or the priority: process and thread ids, then a source location
            while (next < count && digits(line, starts[next], ends[next])) {
                next++;
            }
            if (next < count && line.charAt(ends[next] - 1) == ']' && line.lastIndexOf('[', ends[next]) < starts[next]
                    && line.indexOf(':', starts[next]) < ends[next]) {
                next++;
            }
            if (next > 0) {
                return skipSpaces(line, ends[next - 1]);
            }
        }
        if (levelAt >= 0) {
            for (int i = 0; i < levelAt; i++) {
                if (isBracketed(line, i)) {
                    out.thread = inner(line, i);
                }
            }
            next = levelAt + 1;
            int glued = pythonStyle(line, levelAt, out);
            if (glued >= 0) {
                return skipSpaces(line, glued);
            }
            context = true;
        }
        if (!context) {
            return skipSpaces(line, position);
        }
        int messageStart = next < count ? starts[next] : (next > 0 ? ends[next - 1] : position);
        while (next < count) {
            if (isBracketed(line, next)) {
                String inner = inner(line, next);
                if (out.thread == null) {
                    out.thread = inner;
                } else if (out.logger == null) {
                    out.logger = inner;
                }
            } else if (next + 1 < count && digits(line, starts[next], ends[next])
                    && (isSeparator(line, next + 1) || isBracketed(line, next + 1))) {
                // a process id before more header fields: Spring Boot's "INFO 48213 --- [main]"
            } else if (next + 1 < count && isSeparator(line, next) && isBracketed(line, next + 1)) {
                // a separator between header fields
            } else if (processAndThread(line, next)) {
                // nginx's "3101#0:", then its connection number "*1234"
                if (next + 1 < count && line.charAt(starts[next + 1]) == '*'
                        && digits(line, starts[next + 1] + 1, ends[next + 1])) {
                    next++;
                }
            } else {
                break;
            }
            messageStart = ends[next];
            if (messageStart < line.length() && line.charAt(messageStart) == ':') {
                messageStart++;
            }
            next++;
        }
        if (next < count) {
            String token = line.substring(starts[next], ends[next]);
            if (isSeparator(line, next)) {
                messageStart = ends[next];
            } else if (next + 1 < count && isSeparator(line, next + 1) && nameLike(token)) {
                out.logger = token;
                messageStart = ends[next + 1];
            } else if (colonName(token) && (processOrLogger(token) || levelAt >= 0 && layout.loggerColon())) {
                // after a level, in a file whose headers end with a name and a colon, any such name is the tag
                sawColonName = true;
                if (layout.loggerColon()) {
                    out.logger = token.substring(0, token.length() - 1);
                    messageStart = ends[next];
                }
            } else if (levelAt < 0 && next + 1 < count && nameLike(token)
                    && colonName(line.substring(starts[next + 1], ends[next + 1]))) {
                // a host, then the process: syslog's "combo sshd(pam_unix)[19939]:"
                sawColonName = true;
                if (layout.loggerColon()) {
                    out.logger = line.substring(starts[next + 1], ends[next + 1] - 1);
                    messageStart = ends[next + 1];
                }
            } else if (nameLike(token) && next + 1 < count && starts[next + 1] - ends[next] >= 2
                    && levelAt >= 0) {
                // a column: the name is followed by the padding of an aligned header (Windows CBS logs)
                out.logger = token;
                messageStart = ends[next];
            }
        }
        return skipSpaces(line, messageStart);
    }

    /**
     * A header whose fields are separated by {@code |} ({@code 20171223-22:15:29:606|Step_LSC|30002312|message}):
     * up to {@link #MAX_PIPED_FIELDS} fields without spaces, the last of them possibly the level; the rest is the
     * message.
     */
    private int pipedHeader(String line, int position, ParsedLine out) {
        int start = position + 1;
        for (int field = 0; field < MAX_PIPED_FIELDS; field++) {
            int bar = line.indexOf('|', start);
            if (bar < 0 || line.substring(start, bar).contains(" ")) {
                break;
            }
            LogLevel level = LogLevel.ofWord(line.substring(start, bar).strip());
            if (level != null) {
                out.level = level;
            } else if (out.logger == null) {
                out.logger = line.substring(start, bar);
            }
            start = bar + 1;
        }
        return skipSpaces(line, start);
    }

    /** {@code INFO:root:message}: Python's basicConfig. Returns where its message starts, or -1. */
    private int pythonStyle(String line, int index, ParsedLine out) {
        int colon = line.indexOf(':', starts[index]);
        if (colon < 0 || colon >= ends[index] - 1 || !Character.isLetter(line.charAt(starts[index]))) {
            return -1;
        }
        int second = line.indexOf(':', colon + 1);
        if (second > 0 && second < ends[index]) {
            out.logger = line.substring(colon + 1, second);
            return second + 1;
        }
        return colon + 1;
    }

    private LogLevel levelOf(String line, int index, int count) {
        int start = starts[index];
        int end = ends[index];
        while (start < end && isOpening(line.charAt(start))) {
            start++;
        }
        while (end > start && isClosingOrPunctuation(line.charAt(end - 1))) {
            end--;
        }
        int colon = line.indexOf(':', start);
        if (colon > start && colon < end) {
            end = colon;
        }
        if (end - start == 1) {
            char letter = line.charAt(start);
            boolean tagged = end < ends[index] && line.charAt(end) == '/'
                    || index + 1 < count && line.charAt(ends[index + 1] - 1) == ':'
                    || index + 2 < count && ends[index + 2] - starts[index + 2] == 1
                    && line.charAt(starts[index + 2]) == ':' // logcat's padded tag: "I chatty  : …"
                    || start > starts[index];
            return tagged ? LogLevel.ofLetter(letter) : null;
        }
        int slash = line.indexOf('/', start);
        if (slash == start + 1 && slash < end && start == starts[index]) {
            // logcat's "E/Tag(  123):" or "E/Tag:", not a thread such as "[I/O dispatcher 3]"
            int tagEnd = ends[index];
            boolean tag = line.charAt(tagEnd - 1) == ':' || line.indexOf('(', start) > 0
                    && line.indexOf('(', start) < tagEnd;
            return tag ? LogLevel.ofLetter(line.charAt(start)) : null;
        }
        if (!levelShaped(line, start, end, start > starts[index] || end < ends[index])) {
            return null;
        }
        return LogLevel.ofWord(line, start, end);
    }

    /**
     * A level word in a header is upper case ({@code WARN}), capitalised ({@code Info}), bracketed or followed by
     * a colon ({@code [error]}, {@code error:}): a lower-case word of the message ({@code error reading}) is not one.
     */
    private static boolean levelShaped(String line, int start, int end, boolean marked) {
        if (marked || Character.isUpperCase(line.charAt(start)) && (end - start < 2
                || Character.isUpperCase(line.charAt(start + 1)) || Character.isLowerCase(line.charAt(start + 1)))) {
            return true;
        }
        return false;
    }

    /** Splits the next fields into {@link #starts}/{@link #ends}; a bracketed field may hold spaces. */
    private int tokens(String line, int from) {
        int length = line.length();
        int count = 0;
        int i = skipSpaces(line, from);
        while (i < length && count < starts.length) {
            int end;
            char c = line.charAt(i);
            int close = isOpening(c) ? closing(line, i) : -1;
            end = close > 0 ? close + 1 : tokenEnd(line, i);
            starts[count] = i;
            ends[count] = end;
            count++;
            i = skipSpaces(line, end);
        }
        return count;
    }

    private static int closing(String line, int open) {
        char wanted = switch (line.charAt(open)) {
            case '[' -> ']';
            case '(' -> ')';
            case '<' -> '>';
            default -> '}';
        };
        int limit = Math.min(line.length(), open + MAX_BRACKET);
        for (int i = open + 1; i < limit; i++) {
            if (line.charAt(i) == wanted) {
                int after = i + 1;
                // the bracket must end the field: "[main]" or "[main]:", not "[a]b"
                if (after == line.length() || line.charAt(after) == ' ' || line.charAt(after) == '\t'
                        || line.charAt(after) == ':') {
                    return i;
                }
                return -1;
            }
        }
        return -1;
    }

    private boolean isBracketed(String line, int index) {
        char first = line.charAt(starts[index]);
        char last = line.charAt(ends[index] - 1);
        return isOpening(first) && (last == ']' || last == ')' || last == '>' || last == '}');
    }

    private String inner(String line, int index) {
        return line.substring(starts[index] + 1, ends[index] - 1);
    }

    private boolean isStream(String line, int index) {
        return line.startsWith("stdout", starts[index]) && ends[index] - starts[index] == 6
                || line.startsWith("stderr", starts[index]) && ends[index] - starts[index] == 6;
    }

    private boolean isSeparator(String line, int index) {
        int length = ends[index] - starts[index];
        char first = line.charAt(starts[index]);
        return length == 1 && (first == '-' || first == '|' || first == ':')
                || (length == 2 || length == 3) && first == '-' && line.charAt(starts[index] + 1) == '-'
                && line.charAt(ends[index] - 1) == '-';
    }

    /** A logger, tag or process name: {@code org.foo.Bar}, {@code sshd[123]}, {@code WindowManager}. */
    static boolean nameLike(String token) {
        int length = token.length();
        if (length < 2 || length > 160 || token.contains("://")) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!(Character.isDigit(c) || c == '.' || c == '_' || c == '$' || c == '-' || c == '/'
                    || c == '[' || c == ']' || c == '(' || c == ')' || c == '#' || c == '@')) {
                return false;
            }
        }
        return letter;
    }

    /**
     * A name that is a process or a logger rather than the first word of a message: it has a pid, a package or a
     * path ({@code sshd[12]}, {@code dfs.DataNode$PacketResponder}, {@code kube/proxy}) or is a CamelCase tag
     * ({@code WindowManager}); {@code http:} or {@code error:} opening a message is not one.
     */
    static boolean processOrLogger(String token) {
        for (int i = 0; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '[' || c == '(' || c == '.' || c == '$' || c == '/' || c == '_'
                    || i > 0 && Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }

    /** Header keys of a {@code key=value} header and what they hold: the message starts at the first other key. */
    private static final Map<String, Character> HEADER_KEYS = Map.ofEntries(
            Map.entry("ts", 't'), Map.entry("time", 't'), Map.entry("timestamp", 't'),
            Map.entry("t", 't'), Map.entry("level", 'l'), Map.entry("lvl", 'l'),
            Map.entry("severity", 'l'), Map.entry("caller", 's'),
            Map.entry("source", 's'), Map.entry("component", 'n'),
            Map.entry("logger", 'n'), Map.entry("module", 'n'),
            Map.entry("thread", 'h'));

    /**
     * A {@code key=value} header (logfmt: {@code ts=… caller=main.go:12 level=info component=tsdb msg="…"}): the
     * fields with a header key ({@link #HEADER_KEYS}, a quoted value may hold spaces) give the level, the logger and
     * the thread; the message is the rest, from the first other key ({@code msg="…" key=value}).
     */
    private int keyValueHeader(String line, int position, ParsedLine out) {
        int i = position;
        while (i < line.length()) {
            int value = valueStart(line, i);
            Character kind = value > 0 ? HEADER_KEYS.get(line.substring(i, value - 1)) : null;
            if (kind == null) {
                break;
            }
            int end;
            if (value < line.length() && line.charAt(value) == '"') {
                end = line.indexOf('"', value + 1);
                end = end < 0 ? line.length() : end + 1;
            } else {
                end = tokenEnd(line, value);
            }
            String text = line.substring(value, end);
            if (text.length() > 1 && text.charAt(0) == '"') {
                text = text.substring(1, text.length() - (text.endsWith("\"") ? 1 : 0));
            }
            switch (kind) {
                case 'l' -> out.level = LogLevel.ofWord(text);
                case 'n' -> out.logger = text;
                case 'h' -> out.thread = text;
                default -> { }
            }
            i = skipSpaces(line, end);
        }
        return i;
    }

    /** Where the value of a {@code key=} field starting at {@code from} starts, or -1 when the field has no key. */
    static int valueStart(String line, int from) {
        int limit = Math.min(line.length(), from + 32);
        for (int i = from; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '=') {
                return i > from ? i + 1 : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@')) {
                return -1;
            }
        }
        return -1;
    }

    /** A process and thread id ending with a colon: nginx's {@code 3101#0:}. */
    private boolean processAndThread(String line, int index) {
        int hash = line.indexOf('#', starts[index]);
        return hash > starts[index] && hash < ends[index] - 2 && line.charAt(ends[index] - 1) == ':'
                && digits(line, starts[index], hash) && digits(line, hash + 1, ends[index] - 1);
    }

    /** A name ending with a colon, whose last character before the colon is not a digit outside brackets. */
    static boolean colonName(String token) {
        int length = token.length();
        if (length < 3 || token.charAt(length - 1) != ':') {
            return false;
        }
        char before = token.charAt(length - 2);
        return !Character.isDigit(before) && nameLike(token.substring(0, length - 1));
    }

    private void parseJson(String line, ParsedLine out) {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return;
        }
        JsonValue time = first(object, JSON_TIMESTAMP);
        if (time instanceof JsonString text) {
            out.timestamp = isoMillis(text.getString());
        } else if (time instanceof JsonNumber number) {
            long value = number.longValue();
            out.timestamp = value > 100_000_000_000L ? value : Math.round(number.doubleValue() * 1000);
        }
        if (first(object, JSON_LEVEL) instanceof JsonString level) {
            out.level = LogLevel.ofWord(level.getString());
            if (out.level == null && level.getString().length() == 1) {
                out.level = LogLevel.ofLetter(Character.toUpperCase(level.getString().charAt(0)));
            }
        }
        if (first(object, JSON_LOGGER) instanceof JsonString logger) {
            out.logger = logger.getString();
        }
        if (first(object, JSON_THREAD) instanceof JsonString thread) {
            out.thread = thread.getString();
        }
        JsonValue message = first(object, JSON_MESSAGE);
        out.jsonMessage = message instanceof JsonString text ? text.getString()
                : message != null ? message.toString() : line;
    }

    private long isoMillis(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            Matcher iso = TimestampFormat.ISO_8601.matcher(text);
            if (iso.lookingAt()) {
                return TimestampFormat.ISO_8601.epochMillis(iso, text, reference);
            }
            return ParsedLine.NO_TIMESTAMP;
        }
    }

    private static JsonValue first(JsonObject object, String[] names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value != JsonValue.NULL) {
                return value;
            }
        }
        return null;
    }

    static boolean isOpening(char c) {
        return c == '[' || c == '(' || c == '<' || c == '{';
    }

    private static boolean isClosingOrPunctuation(char c) {
        return c == ']' || c == ')' || c == '>' || c == '}' || c == ':' || c == ',' || c == ';';
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static int tokenEnd(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    /** Where the field after {@code count} whitespace-separated fields starts. */
    static int skipTokens(String line, int from, int count) {
        int i = skipSpaces(line, from);
        for (int k = 0; k < count && i < line.length(); k++) {
            i = skipSpaces(line, tokenEnd(line, i));
        }
        return i;
    }
}
