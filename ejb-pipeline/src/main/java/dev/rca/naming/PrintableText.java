package dev.rca.naming;

/**
 * Free text as it is stored and shown (file names, tenant display names, token names, flag reasons): control
 * characters — CR and LF that would forge log lines, the escape that starts an ANSI sequence, NUL that PostgreSQL
 * refuses in text — become U+FFFD.
 */
public final class PrintableText {

    public static final char REPLACEMENT = '\uFFFD';

    private PrintableText() {
    }

    /** The text cleaned, at most {@code maxLength} characters (never half a surrogate pair); null for null. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder printable = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && printable.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && printable.length() == maxLength - 1) {
                break;
            }
            printable.append(Character.isISOControl(c) ? REPLACEMENT : c);
        }
        return printable.toString();
    }
}
