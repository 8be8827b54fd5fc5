package dev.rca.pipeline.analyze.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The analyze stage's result for one upload: the report and the patterns as deflated JSON documents (read whole,
 * never queried inside), with the analyzer version that wrote them. The files' line maps are {@link AnalysisFile}s.
 */
@Entity
@Table(name = "upload_analyses")
@NamedQuery(name = UploadAnalysis.DELETE_BY_UPLOAD, query = "DELETE FROM UploadAnalysis a WHERE a.uploadId = :uploadId")
public class UploadAnalysis {

    public static final String DELETE_BY_UPLOAD = "UploadAnalysis.deleteByUpload";

    @Id
    @Column(name = "upload_id")
    private UUID uploadId;

    @Column(nullable = false, length = 64)
    private String analyzer;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "pattern_count", nullable = false)
    private int patternCount;

    @Column(nullable = false)
    private byte[] report;

    @Column(nullable = false)
    private byte[] patterns;

    /** Bytes of this row and its files' line maps: the analysis's share of the upload's storage. */
    @Column(name = "stored_bytes", nullable = false)
    private long storedBytes;

    @Column(name = "analyzed_at", nullable = false)
    private Instant analyzedAt;

    protected UploadAnalysis() {
    }

    public UploadAnalysis(UUID uploadId, String analyzer, String status, int patternCount, byte[] report,
                          byte[] patterns, long storedBytes, Instant analyzedAt) {
        this.uploadId = uploadId;
        this.analyzer = analyzer;
        this.status = status;
        this.patternCount = patternCount;
        this.report = report;
        this.patterns = patterns;
        this.storedBytes = storedBytes;
        this.analyzedAt = analyzedAt;
    }

    public UUID getUploadId() {
        return uploadId;
    }

    public byte[] getReport() {
        return report;
    }

    public byte[] getPatterns() {
        return patterns;
    }
}
