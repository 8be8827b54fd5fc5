package dev.rca.pipeline.ingest.control;

import dev.rca.naming.PrintableText;

import java.util.regex.Pattern;

/**
 * File names as archives and clients give them are data, never paths: nothing is ever written to a path built from
 * one (files are rows keyed by upload and index). These rules make a name safe to store and show.
 */
public final class EntryNames {

    /** The {@code name} columns' width. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private EntryNames() {
    }

    /** True for a name that would leave the archive's root if it were used as a path. */
    public static boolean escapesRoot(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || DRIVE_LETTER.matcher(path).matches()) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasControlCharacters(String name) {
        return name.chars().anyMatch(Character::isISOControl);
    }

    /** The name with control characters replaced by U+FFFD and cut to {@link #MAX_LENGTH} characters. */
    public static String printable(String name) {
        return PrintableText.of(name, MAX_LENGTH);
    }
}
