package dev.rca.pipeline.ingest.boundary;

import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry.SkippedFile;
import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry.Warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An upload as the API shows it: overall status, the files stored, the files left out and the warnings of the
 * ingest stage (its {@code PartialUploadTelemetry}), and one entry per pipeline stage, in order.
 */
public record UploadView(UUID id, String tenant, String status, String fileName, long bytes, Instant receivedAt,
                         Instant completedAt, List<FileView> files, List<SkippedFile> skipped,
                         List<Warning> warnings, List<StageView> stages) {

    /** A stored file: its name as given (data, never a path), UTF-8 bytes and lines. */
    public record FileView(int index, String name, long bytes, long lines) {
    }

    /** A stage's outcome, or {@code pending} (with no duration) while it has none. */
    public record StageView(String stage, String status, Long durationMs, Instant recordedAt,
                            Map<String, Object> metadata) {
    }
}
