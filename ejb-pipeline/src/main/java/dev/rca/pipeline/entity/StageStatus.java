package dev.rca.pipeline.entity;

import dev.rca.naming.Labelled;

/** A stage's final outcome for one upload, from best to worst. */
public enum StageStatus implements Labelled {
    SUCCESS,
    PARTIAL,
    FAILED;

    public StageStatus worse(StageStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
