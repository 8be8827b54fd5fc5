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
 * transaction).
 */
@ApplicationScoped
public class StageTelemetry {

    @PersistenceContext
    EntityManager em;

    void record(@Observes StageOutcome outcome) {
        em.persist(new UploadTelemetryEvent(outcome.tenantId(), outcome.uploadId(), outcome.stage(), outcome.status(),
                outcome.durationMs(), outcome.details()));
    }
}
