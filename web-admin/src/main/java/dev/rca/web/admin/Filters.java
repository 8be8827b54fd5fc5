package dev.rca.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The GET filter forms of the list pages: blank means no filter, times are the browser's datetime-local in UTC. */
public final class Filters {

    private Filters() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code 2026-11-28T05:30} (UTC) as an instant; a value that is no such time adds an error about {@code field}. */
    public static Instant time(String value, String field) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            Messages.error(null, field + ": '" + text + "' is not a time like 2026-11-28T05:30 (UTC); the filter is ignored.");
            return null;
        }
    }

    /** A query string of the non-blank parameters, for the pager's links. */
    public static String query(Map<String, Object> parameters) {
        Map<String, Object> present = new LinkedHashMap<>(parameters);
        present.values().removeIf(value -> value == null || value.toString().isBlank());
        return present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
