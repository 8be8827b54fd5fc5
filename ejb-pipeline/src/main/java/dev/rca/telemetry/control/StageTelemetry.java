package dev.rca.telemetry.control;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.telemetry.entity.UploadTelemetryEventRecord;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes and reads the {@code upload_telemetry_events} rows: one per stage per upload, whatever any flag says. */
@Stateless
public class StageTelemetry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StageOutcome> outcomes;

    /** Records a stage's outcome in the stage's own transaction: it exists exactly when the stage's work does. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(UUID tenantId, UUID uploadId, Stage stage, StageStatus status, long durationMs,
                       Map<String, Object> metadata) {
        em.persist(new UploadTelemetryEventRecord(tenantId, uploadId, stage, status, durationMs, metadata));
        Object bytes = metadata.get("bytes");
        outcomes.fire(new StageOutcome(tenantId, slugOf(tenantId), stage, status, durationMs,
                bytes instanceof Number number ? number.longValue() : 0, null));
    }

    /**
     * Records a refused upload's failed ingest in a transaction of its own, so that the row survives the rollback
     * of everything else the attempt wrote.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(UUID tenantId, BusinessException refusal, long durationMs) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("error", refusal.error());
        metadata.put("message", refusal.getMessage());
        metadata.put("httpStatus", refusal.kind().status());
        metadata.put("details", refusal.details());
        em.persist(new UploadTelemetryEventRecord(tenantId, null, Stage.INGEST, StageStatus.FAILED, durationMs,
                metadata));
        outcomes.fire(new StageOutcome(tenantId, slugOf(tenantId), Stage.INGEST, StageStatus.FAILED, durationMs, 0,
                refusal.error()));
    }

    private String slugOf(UUID tenantId) {
        return em.find(Tenant.class, tenantId).getSlug();
    }

    public boolean hasOutcome(UUID uploadId, Stage stage) {
        return em.createNamedQuery(UploadTelemetryEventRecord.COUNT_BY_UPLOAD_AND_STAGE, Long.class)
                .setParameter("uploadId", uploadId)
                .setParameter("stage", stage.label())
                .getSingleResult() > 0;
    }

    public List<UploadTelemetryEventRecord> forUpload(UUID uploadId) {
        return em.createNamedQuery(UploadTelemetryEventRecord.FIND_BY_UPLOAD, UploadTelemetryEventRecord.class)
                .setParameter("uploadId", uploadId)
                .getResultList();
    }
}
