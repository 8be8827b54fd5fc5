package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;

import java.util.Map;
import java.util.UUID;

/**
 * CDI event fired with every stage outcome, inside the transaction that recorded it: telemetry writes its row from
 * it in that transaction, and counts it {@code during = AFTER_SUCCESS}, so a rolled-back attempt is never counted.
 *
 * @param uploadId null for a refused upload, which has no upload
 * @param bytes    the upload's stored bytes (0 for a refusal)
 * @param error    the refusal's code for a refused upload, else null
 * @param details  the stage's figures, written as the telemetry row's metadata and never read back
 */
public record StageOutcome(UUID tenantId, String tenantSlug, UUID uploadId, Stage stage, StageStatus status,
                           long durationMs, long bytes, String error, Map<String, Object> details) {
}
