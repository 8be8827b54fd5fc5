package dev.rca.pipeline.control;

import dev.rca.naming.Labelled;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload is being deleted, in the transaction this event is fired in, before its own rows go: each stage deletes
 * what it derived from the upload, telemetry marks the upload's rows (they stay), metrics count it after the commit.
 */
public record UploadDeleted(UUID tenantId, String tenantSlug, UUID uploadId, Trigger trigger, Instant at) {

    /** Why: someone asked ({@code DELETE …/uploads/{id}}, the admin UI), or the tenant's retention ran out. */
    public enum Trigger implements Labelled {
        REQUEST,
        RETENTION
    }
}
