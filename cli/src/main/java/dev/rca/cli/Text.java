package dev.rca.cli;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;

/** Small formatting rules shared by the commands' output. */
final class Text {

    private Text() {
    }

    /** A JSON value as a person reads it: a string without its quotes, anything else as JSON. */
    static String plain(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }

    /** Bytes in binary units with one decimal: {@code 512 B}, {@code 12.3 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A duration in whole seconds as {@code 0:07} or {@code 1:02:03}. */
    static String clock(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** A template on one line: its newline (message, then exception) shown as {@code  ⏎ }, cut at {@code max}. */
    static String oneLine(String text, int max) {
        String line = text.replace("\r", "").replace("\n", " ⏎ ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
