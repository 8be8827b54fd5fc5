package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;

import java.util.UUID;

/**
 * A stage is about to run again on an upload that already had its outcome (an operator's re-analysis), fired in the
 * transaction that sends the stage's request: whoever keeps one record per upload and stage drops the old one, and
 * the stage's new {@link StageOutcome} takes its place.
 */
public record StageRerun(UUID uploadId, Stage stage) {
}
