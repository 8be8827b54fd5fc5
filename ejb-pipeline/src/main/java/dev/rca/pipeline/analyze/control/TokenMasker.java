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
    /** The most digits a name keeps ({@code ssh2}, {@code IPv4}, {@code x86}); a piece with more is a value. */
    static final int MAX_NAME_DIGITS = 3;

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
            out.append(text, from, to); // WFLYSRV0049: names its statement, it is not a value
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
        if (url || to - from > MAX_WORD_CHARS || isHexWord(text, from, to) || isPath(text, from, to, slash)) {
            out.append(WILDCARD);
        } else if (digit) {
            pieces(text, from, to, out);
        } else {
            out.append(text, from, to);
        }
    }

    /**
     * A token with a digit that is not a path, masked piece by piece (a piece: letters, digits and {@code _}
     * between punctuation): a piece that is a number, or has more than {@value #MAX_NAME_DIGITS} digits, is a value
     * ({@code 42}, {@code 10.0.0.7}, {@code 250ms}, {@code blk_38865049064139660}); a name with a few digits stays
     * ({@code v1}, {@code ssh2}, {@code IPv4}). A name glued to a number by {@code -} or {@code _} is an id, a value
     * as a whole ({@code INV-20931}, {@code node-3}, with its namespace: {@code shop/web-0}). Values joined by
     * punctuation alone are one value ({@code 10.0.0.7:5432}, a UUID, a date, {@code 39.0.1.Final}), so
     * {@code core.156655} is {@code core.<*>} and {@code nginx/1.26.2} is {@code nginx/<*>}; a token without a word
     * (values in punctuation, names with digits at most), or with more values than words, is {@code <*>}.
     */
    private static void pieces(CharSequence text, int from, int to, StringBuilder out) {
        int start = out.length();
        int words = 0;
        int values = 0;
        int wildcardEnd = -1; // where the last wildcard ended in out, while only punctuation followed it
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!isPieceChar(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            int digits = 0;
            while (end < to && isPieceChar(text.charAt(end))) {
                digits += Character.isDigit(text.charAt(end)) ? 1 : 0;
                end++;
            }
            boolean number = Character.isDigit(c);
            if (!number && digits <= MAX_NAME_DIGITS && end < to && gluesValue(text, end, to, digits > 0)) {
                // an id's prefix: INV-20931, node-3, blk_-4711, v1.2.3 are values as a whole
                int value = end + 1;
                while (value < to && !isPieceChar(text.charAt(value))) {
                    value++;
                }
                while (value < to && (isPieceChar(text.charAt(value)) || text.charAt(value) == '.'
                        || text.charAt(value) == '-')) {
                    value++;
                }
                if (wildcardEnd >= 0) {
                    out.setLength(wildcardEnd);
                } else {
                    if (out.length() > start && out.charAt(out.length() - 1) == '/'
                            && out.indexOf(WILDCARD, start) < 0) {
                        out.setLength(start); // a namespace and a name: shop/web-0
                    }
                    out.append(WILDCARD);
                    values++;
                }
                wildcardEnd = out.length();
                i = value;
                continue;
            }
            if (digits == 0 || !number && digits <= MAX_NAME_DIGITS) {
                if (wildcardEnd >= 0 && out.length() == wildcardEnd + 1 && end == to
                        && ".-".indexOf(out.charAt(wildcardEnd)) >= 0) {
                    out.setLength(wildcardEnd); // a value's last word: 39.0.1.Final, 1.2-SNAPSHOT
                    i = end;
                    continue;
                }
                out.append(text, i, end);
                words += digits == 0 ? 1 : 0;
                wildcardEnd = -1;
            } else {
                if (wildcardEnd >= 0) {
                    out.setLength(wildcardEnd); // 10.0.0.7:5432 is one value
                } else {
                    out.append(WILDCARD);
                    values++;
                }
                wildcardEnd = out.length();
            }
            i = end;
        }
        if (values >= 1 && words == 0 || values >= 2 && values > words) {
            // values in punctuation, with names with digits or fewer words than values between them:
            // /10.0.0.1:50010 is an address, Package_for_KB2919355~31bf3856ad364e35~amd64~~6.3.1.14 a package id,
            // 1.13.6~dfsg+~1.11.4 a version
            out.setLength(start);
            out.append(WILDCARD);
        }
    }

    /**
     * True when the piece that ends at {@code at} is glued to a number after it: by {@code -} or {@code _}
     * ({@code INV-20931}, {@code blk_-4711}), or, for a name with digits, by {@code .} ({@code v1.2.3}).
     */
    private static boolean gluesValue(CharSequence text, int at, int to, boolean nameDigits) {
        char glue = text.charAt(at);
        int next = at + 1;
        while (next < to && (text.charAt(next) == '-' || text.charAt(next) == '_')) {
            next++;
        }
        boolean glued = glue == '-' || glue == '_' || nameDigits && glue == '.';
        return glued && next < to && Character.isDigit(text.charAt(next));
    }

    private static boolean isPieceChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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
