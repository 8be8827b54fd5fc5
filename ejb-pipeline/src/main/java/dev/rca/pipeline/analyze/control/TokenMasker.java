package dev.rca.pipeline.analyze.control;

/**
 * The first step of template mining: a message's tokens (split at spaces) with every token that is obviously a
 * value replaced by {@code <*>}: anything with a digit (numbers, ids, hex, IPs with ports, UUIDs, durations, dates,
 * versions), paths, URLs, and tokens over {@value #MAX_WORD_CHARS} characters (payloads, base64). Punctuation around a token is kept ({@code (<*>)}, {@code '<*>'}), and so is the key of
 * a {@code key=value} pair. Values without a digit ({@code user=alice}) are left to the clustering, which generalises
 * positions that vary across many lines.
 */
public final class TokenMasker {

    public static final String WILDCARD = "<*>";
    /** Tokens of a message that are templated; the rest of a longer message becomes one wildcard. */
    public static final int MAX_TOKENS = 256;
    /** A longer token is a value (a payload, base64, a dump), not a word of a statement. */
    static final int MAX_WORD_CHARS = 100;
    /** The shortest token of hex letters only that is read as a hex number ({@link #isHexWord}). */
    static final int MIN_HEX_WORD_CHARS = 8;

    private TokenMasker() {
    }

    /**
     * Appends the masked tokens of {@code text} from {@code offset} to {@code out}, separated by single spaces.
     *
     * @return the number of tokens appended
     */
    public static int mask(CharSequence text, int offset, StringBuilder out) {
        int length = text.length();
        int tokens = 0;
        int i = offset;
        while (i < length) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (tokens == MAX_TOKENS) {
                out.append(' ').append(WILDCARD);
                return tokens + 1;
            }
            int end = i;
            while (end < length && text.charAt(end) != ' ' && text.charAt(end) != '\t') {
                end++;
            }
            if (tokens > 0) {
                out.append(' ');
            }
            token(text, i, end, out);
            tokens++;
            i = end;
        }
        return tokens;
    }

    /** Masks one token {@code [start, end)}, reading it once. */
    static void token(CharSequence text, int start, int end, StringBuilder out) {
        int from = start;
        int to = end;
        while (from < to && isLeading(text.charAt(from))) {
            from++;
        }
        while (to > from && isTrailing(text.charAt(to - 1))) {
            to--;
        }
        out.append(text, start, from);
        if (from < to && to < end && text.charAt(to) == ':' && isMessageCode(text, from, to)) {
            out.append(text, from, to); // WFLYSRV0049: names its statement, it is no value
        } else if (from < to) {
            int equals = -1;
            boolean keyDigit = false;
            boolean digit = false;
            boolean slash = false;
            boolean url = false;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c == '=' && equals < 0) {
                    equals = i;
                    keyDigit = digit;
                    digit = false;
                    slash = false;
                } else if (c == '/') {
                    slash |= i > (equals < 0 ? from : equals + 1);
                    url |= i >= 2 && text.charAt(i - 1) == ':' && i + 1 < to && text.charAt(i + 1) == '/';
                }
            }
            if (equals > from && equals < to - 1 && !keyDigit) {
                int value = equals + 1;
                // a quoted value keeps its opening quote, as its closing one is kept: key="<*>"
                while (value < to - 1 && isLeading(text.charAt(value))) {
                    value++;
                }
                out.append(text, from, value);
                core(text, value, to, digit, slash, url, out);
            } else {
                core(text, from, to, digit || keyDigit, slash, url, out);
            }
        }
        out.append(text, to, end);
    }

    private static void core(CharSequence text, int from, int to, boolean digit, boolean slash, boolean url,
                             StringBuilder out) {
        if (digit || url || to - from > MAX_WORD_CHARS || isPath(text, from, to, slash) || isHexWord(text, from, to)) {
            out.append(WILDCARD);
        } else {
            out.append(text, from, to);
        }
    }

    /**
     * A message code before a colon, the id of a statement in its product's catalogue ({@code WFLYSRV0049},
     * {@code ELY00001}, {@code UT005023}, {@code ARJUNA012117}, {@code AMQ221000}): two or more upper-case letters
     * then three or more digits, an upper-case letter at the end allowed.
     */
    private static boolean isMessageCode(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        if (i - from < 2) {
            return false;
        }
        int letters = i;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int digits = i - letters;
        if (i < to && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        return i == to && digits >= 3;
    }

    /**
     * A hex number that happens to have no digit ({@code fffbaada}, {@code DEADBEEF}): {@value #MIN_HEX_WORD_CHARS}
     * or more of {@code a}-{@code f} (or {@code A}-{@code F}); no word of a statement is spelt like that.
     */
    private static boolean isHexWord(CharSequence text, int from, int to) {
        if (to - from < MIN_HEX_WORD_CHARS) {
            return false;
        }
        boolean upper = text.charAt(from) <= 'F';
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (upper ? c < 'A' || c > 'F' : c < 'a' || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** {@code /var/log/x}, {@code ~/x/y}, {@code \\share\\x}, {@code C:\\x}. */
    private static boolean isPath(CharSequence text, int from, int to, boolean slash) {
        char first = text.charAt(from);
        if ((first == '/' || first == '~') && slash) {
            return true;
        }
        if (first == '\\' && to - from > 2) {
            return true;
        }
        return to - from > 2 && text.charAt(from + 1) == ':' && text.charAt(from + 2) == '\\';
    }

    private static boolean isLeading(char c) {
        return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '`';
    }

    private static boolean isTrailing(char c) {
        return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '`' || c == ','
                || c == ';' || c == ':' || c == '.' || c == '!' || c == '?';
    }
}
