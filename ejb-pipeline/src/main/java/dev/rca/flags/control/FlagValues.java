package dev.rca.flags.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** Flag values are JSON literals: stored as their text, shown as plain Java values. */
public final class FlagValues {

    private FlagValues() {
    }

    public static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static String text(JsonValue value) {
        return value.toString();
    }

    /** The value as JSON-B writes it: Boolean, BigDecimal, String or null. */
    public static Object plain(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            default -> value.toString();
        };
    }
}
