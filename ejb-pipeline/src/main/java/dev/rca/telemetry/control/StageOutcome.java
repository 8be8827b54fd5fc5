package dev.rca.telemetry.control;

import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;

import java.util.UUID;

/**
 * CDI event fired with every telemetry row, inside the stage's transaction; observers that count outcomes listen
 * {@code during = AFTER_SUCCESS}, so a rolled-back attempt is never counted. {@code error} is the refusal's code
 * for a refused upload, else null.
 */
public record StageOutcome(UUID tenantId, String tenantSlug, Stage stage, StageStatus status, long durationMs, long bytes, String error) {
}
