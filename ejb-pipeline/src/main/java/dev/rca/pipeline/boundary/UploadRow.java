package dev.rca.pipeline.boundary;

import java.time.Instant;
import java.util.UUID;

/** An upload as lists show it; its stages are on its own page ({@link UploadView}). */
public record UploadRow(UUID id, String tenant, String status, String fileName, long bytes, Instant receivedAt,
                        Instant completedAt) {
}
