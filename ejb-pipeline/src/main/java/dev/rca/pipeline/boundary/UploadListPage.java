package dev.rca.pipeline.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of uploads as lists show them; an upload's stages are on its own page ({@link UploadView}). */
public record UploadListPage(long total, int offset, int limit, List<Row> rows) {

    public record Row(UUID id, String tenant, String status, String fileName, long bytes, Instant receivedAt,
                      Instant completedAt) {
    }
}
