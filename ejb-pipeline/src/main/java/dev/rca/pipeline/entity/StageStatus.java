package dev.rca.pipeline.entity;

import java.util.Locale;

/** A stage's final outcome for one upload, as recorded in {@code upload_telemetry_events}. */
public enum StageStatus {
    SUCCESS,
    PARTIAL,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
