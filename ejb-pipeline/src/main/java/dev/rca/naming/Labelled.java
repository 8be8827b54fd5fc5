package dev.rca.naming;

import java.util.Locale;

/** An enum whose constants the API, telemetry and metric labels name in lower case: {@code PARTIAL} is "partial". */
public interface Labelled {

    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
