package dev.rca.pipeline.ingest.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An upload as the API shows it: overall status and one entry per pipeline stage, in order. */
public record UploadView(UUID id, String tenant, String status, String fileName, long bytes, Instant receivedAt,
                         Instant completedAt, List<StageView> stages) {

    /** A stage's outcome, or {@code pending} (with no duration) while it has none. */
    public record StageView(String stage, String status, Long durationMs, Instant recordedAt,
                            Map<String, Object> metadata) {
    }
}
