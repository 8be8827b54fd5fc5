package dev.rca.telemetry.control;

import dev.rca.pipeline.control.StageOutcome;
import dev.rca.telemetry.entity.UploadTelemetryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the {@code upload_telemetry_events} row of every stage outcome, in the transaction that recorded the outcome:
 * the row exists exactly when the stage's work does, whatever any flag says (a refusal's row in the refusal's own
 * transaction). A stage that runs again on an upload replaces its row.
 */
@ApplicationScoped
public class StageTelemetry {

    @PersistenceContext
    EntityManager em;

    void record(@Observes StageOutcome outcome) {
        if (outcome.uploadId() != null) {
            // A stage run again on an upload (a re-analysis) replaces its row: one row per upload and stage.
            UploadTelemetryEvent earlier = em.createNamedQuery(UploadTelemetryEvent.FIND_BY_UPLOAD_AND_STAGE,
                            UploadTelemetryEvent.class)
                    .setParameter("uploadId", outcome.uploadId())
                    .setParameter("stage", outcome.stage().label())
                    .getResultStream().findFirst().orElse(null);
            if (earlier != null) {
                earlier.replace(outcome.status(), outcome.durationMs(), outcome.details());
                return;
            }
        }
        em.persist(new UploadTelemetryEvent(outcome.tenantId(), outcome.uploadId(), outcome.stage(), outcome.status(),
                outcome.durationMs(), outcome.details()));
    }
}
