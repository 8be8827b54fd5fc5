package dev.rca.pipeline.entity;

import java.util.Locale;

/** The pipeline's stages, in the order an upload passes through them. */
public enum Stage {
    INGEST,
    CHUNK;

    /** The name used in telemetry rows, metric labels and the API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }
}
