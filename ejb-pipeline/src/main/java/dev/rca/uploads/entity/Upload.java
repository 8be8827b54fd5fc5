package dev.rca.uploads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An accepted upload: processing until the pipeline's last stage has an outcome, then its final status. */
@Entity
@Table(name = "uploads")
@NamedQuery(name = Upload.FIND_STUCK, query = "SELECT u.id FROM Upload u WHERE u.status = :status"
        + " AND COALESCE(u.lastResentAt, u.receivedAt) < :before ORDER BY u.receivedAt")
@NamedQuery(name = Upload.FIND_EXPIRED, query = "SELECT u.id FROM Upload u WHERE u.tenantId = :tenantId"
        + " AND u.receivedAt < :before AND u.status <> :processing ORDER BY u.receivedAt")
public class Upload {

    /** Ids of a tenant's ended uploads received {@code :before}, oldest first: the retention sweep's. */
    public static final String FIND_EXPIRED = "Upload.findExpired";

    /** Ids of uploads in {@code :status} whose stage request was last sent (or the upload received) {@code :before}. */
    public static final String FIND_STUCK = "Upload.findStuck";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UploadStatus status;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(nullable = false)
    private long bytes;

    @Column(name = "skipped_files", nullable = false)
    private int skippedFiles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "skip_report")
    private SkipReport skipReport;

    @Column(nullable = false)
    private int resends;

    @Column(name = "last_resent_at")
    private Instant lastResentAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Upload() {
    }

    public Upload(UUID tenantId, String fileName, String contentType, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.receivedAt = receivedAt;
        this.status = UploadStatus.PROCESSING;
    }

    /** What the ingest stage stored, and its report when it left files out or had something to say. */
    public void received(long bytes, SkipReport skipReport) {
        this.bytes = bytes;
        this.skipReport = skipReport;
        this.skippedFiles = skipReport == null ? 0 : skipReport.filesSkipped();
    }

    public void complete(UploadStatus outcome, Instant at) {
        this.status = outcome;
        this.completedAt = at;
    }

    /**
     * A stage runs again on the finished upload (an operator's re-analysis), its request sent at {@code at}: the
     * upload is processing until it ends, and the recovery sweep counts from then, with no resends yet.
     */
    public void reopen(Instant at) {
        this.status = UploadStatus.PROCESSING;
        this.completedAt = null;
        this.resends = 0;
        this.lastResentAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UploadStatus getStatus() {
        return status;
    }

    public String getFileName() {
        return fileName;
    }

    public long getBytes() {
        return bytes;
    }

    /** The recovery sweep sent the request of the stage the upload waits for again. */
    public void resent(Instant at) {
        this.resends++;
        this.lastResentAt = at;
    }

    public int getResends() {
        return resends;
    }

    public Instant getLastResentAt() {
        return lastResentAt;
    }

    /** Null when the ingest stage had nothing to report. */
    public SkipReport getSkipReport() {
        return skipReport;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
