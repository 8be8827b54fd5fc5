package dev.rca.pipeline.control;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records stage outcomes: each in the ledger ({@link StageCompletion}), in the transaction of the stage's work, and
 * announced as a {@link StageOutcome} for whoever observes the pipeline. Also answers where an upload stands.
 */
@Stateless
public class StageLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StageOutcome> outcomes;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public StageCompletion record(Upload upload, String tenantSlug, Stage stage, StageResult result, long durationMs) {
        StageCompletion completion = new StageCompletion(upload.getId(), stage, result.status(), durationMs,
                Instant.now(), result.details());
        em.persist(completion);
        outcomes.fire(new StageOutcome(upload.getTenantId(), tenantSlug, upload.getId(), stage, result.status(),
                durationMs, upload.getBytes(), null, result.details()));
        return completion;
    }

    /**
     * Records a refused upload's failed ingest in a transaction of its own, so that its telemetry survives the
     * rollback of everything else the attempt wrote. A refusal has no upload, so it has no ledger entry.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(UUID tenantId, String tenantSlug, BusinessException refusal, long durationMs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", refusal.error());
        details.put("message", refusal.getMessage());
        details.put("kind", refusal.kind().name().toLowerCase(java.util.Locale.ROOT));
        details.put("details", refusal.details());
        outcomes.fire(new StageOutcome(tenantId, tenantSlug, null, Stage.INGEST, StageStatus.FAILED, durationMs, 0,
                refusal.error(), details));
    }

    /** The upload's stages that have an outcome, in stage order. */
    public Map<Stage, StageCompletion> completions(UUID uploadId) {
        Map<Stage, StageCompletion> completions = new EnumMap<>(Stage.class);
        em.createNamedQuery(StageCompletion.FIND_BY_UPLOAD, StageCompletion.class)
                .setParameter("uploadId", uploadId)
                .getResultStream()
                .forEach(completion -> completions.put(completion.getStage(), completion));
        return completions;
    }

    public boolean isCompleted(UUID uploadId, Stage stage) {
        return em.find(StageCompletion.class, new StageCompletion.Key(uploadId, stage)) != null;
    }

    /** The first stage that has no outcome yet for the upload; empty when every stage has one. */
    public Optional<Stage> firstPending(UUID uploadId) {
        return Stage.firstPending(completions(uploadId).keySet());
    }

    /**
     * Ends the upload once its last stage (or a failed one) has its outcome: the worst outcome wins, as
     * {@link Stage#uploadStatus} counts it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void finish(Upload upload) {
        StageStatus worst = StageStatus.SUCCESS;
        for (StageCompletion completion : completions(upload.getId()).values()) {
            worst = worst.worse(completion.getStage().uploadStatus(completion.getStatus()));
        }
        upload.complete(UploadStatus.valueOf(worst.name()), Instant.now());
    }
}
