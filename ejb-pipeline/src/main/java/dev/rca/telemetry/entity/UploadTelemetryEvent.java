package dev.rca.telemetry.entity;

import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One stage's final outcome for one upload (or, without an upload, a refused upload's ingest attempt). */
@Entity
@Table(name = "upload_telemetry_events")
@NamedQuery(name = UploadTelemetryEvent.DELETE_BY_UPLOAD_AND_STAGE,
        query = "DELETE FROM UploadTelemetryEvent e WHERE e.uploadId = :uploadId AND e.stage = :stage")
@NamedQuery(name = UploadTelemetryEvent.MARK_UPLOAD_DELETED, query = "UPDATE UploadTelemetryEvent e"
        + " SET e.uploadDeletedAt = :at WHERE e.uploadId = :uploadId AND e.uploadDeletedAt IS NULL")
@NamedQuery(name = UploadTelemetryEvent.FIND_IDS_BEFORE,
        query = "SELECT e.id FROM UploadTelemetryEvent e WHERE e.createdAt < :before ORDER BY e.createdAt")
@NamedQuery(name = UploadTelemetryEvent.DELETE_IDS, query = "DELETE FROM UploadTelemetryEvent e WHERE e.id IN :ids")
public class UploadTelemetryEvent {

    public static final String MARK_UPLOAD_DELETED = "UploadTelemetryEvent.markUploadDeleted";
    public static final String FIND_IDS_BEFORE = "UploadTelemetryEvent.findIdsBefore";
    public static final String DELETE_IDS = "UploadTelemetryEvent.deleteIds";

    public static final String DELETE_BY_UPLOAD_AND_STAGE = "UploadTelemetryEvent.deleteByUploadAndStage";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "upload_telemetry_events_seq")
    @SequenceGenerator(name = "upload_telemetry_events_seq", sequenceName = "upload_telemetry_events_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "upload_id")
    private UUID uploadId;

    @Column(nullable = false, length = 32)
    private String stage;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the upload was deleted (with everything derived from it); the row stays for postmortems. */
    @Column(name = "upload_deleted_at")
    private Instant uploadDeletedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    protected UploadTelemetryEvent() {
    }

    public UploadTelemetryEvent(UUID tenantId, UUID uploadId, Stage stage, StageStatus status, long durationMs,
                                      Map<String, Object> metadata) {
        this.tenantId = tenantId;
        this.uploadId = uploadId;
        this.stage = stage.label();
        this.status = status.label();
        this.durationMs = durationMs;
        this.createdAt = Instant.now();
        this.metadata = new LinkedHashMap<>(metadata);
    }

    public Long getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getUploadId() {
        return uploadId;
    }

    public String getStage() {
        return stage;
    }

    public String getStatus() {
        return status;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUploadDeletedAt() {
        return uploadDeletedAt;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }
}
