package dev.rca.pipeline.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The pipeline's ledger: a stage committed its work for an upload, with its outcome, in the same transaction as the
 * work. At most one per upload and stage (the primary key), which is what makes a redelivered request a duplicate.
 * {@code details} are the stage's figures as the upload's status shows them.
 */
@Entity
@Table(name = "stage_completions")
@IdClass(StageCompletion.Key.class)
@NamedQuery(name = StageCompletion.FIND_BY_UPLOAD,
        query = "SELECT c FROM StageCompletion c WHERE c.uploadId = :uploadId")
@NamedQuery(name = StageCompletion.DELETE_BY_UPLOAD, query = "DELETE FROM StageCompletion c WHERE c.uploadId = :uploadId")
public class StageCompletion {

    public static final String DELETE_BY_UPLOAD = "StageCompletion.deleteByUpload";

    public static final String FIND_BY_UPLOAD = "StageCompletion.findByUpload";

    @Id
    @Column(name = "upload_id")
    private UUID uploadId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StageStatus status;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;

    protected StageCompletion() {
    }

    public StageCompletion(UUID uploadId, Stage stage, StageStatus status, long durationMs, Instant completedAt,
                           Map<String, Object> details) {
        this.uploadId = uploadId;
        this.stage = stage;
        this.status = status;
        this.durationMs = durationMs;
        this.completedAt = completedAt;
        this.details = new LinkedHashMap<>(details);
    }

    public UUID getUploadId() {
        return uploadId;
    }

    public Stage getStage() {
        return stage;
    }

    public StageStatus getStatus() {
        return status;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Map<String, Object> getDetails() {
        return details;
    }

    public static class Key implements Serializable {

        private UUID uploadId;
        private Stage stage;

        public Key() {
        }

        public Key(UUID uploadId, Stage stage) {
            this.uploadId = uploadId;
            this.stage = stage;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(uploadId, key.uploadId) && stage == key.stage;
        }

        @Override
        public int hashCode() {
            return Objects.hash(uploadId, stage);
        }
    }
}
