package dev.rca.flags.entity;

import dev.rca.naming.Labelled;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** The value types a flag can have, with the check the API applies and the parse the environment needs. */
public enum FlagType implements Labelled {

    BOOLEAN {
        @Override
        public boolean accepts(JsonValue value) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE;
        }

        @Override
        public Optional<JsonValue> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(JsonValue.TRUE);
                case "false" -> Optional.of(JsonValue.FALSE);
                default -> Optional.empty();
            };
        }
    };

    public abstract boolean accepts(JsonValue value);

    /** The value written as text (environment, database), or empty when it is not one of this type. */
    public abstract Optional<JsonValue> parse(String text);
}
