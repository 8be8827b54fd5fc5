package dev.rca.pipeline.entity;

import java.util.Locale;

/** A stage's final outcome for one upload, from best to worst. */
public enum StageStatus {
    SUCCESS,
    PARTIAL,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public StageStatus worse(StageStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
