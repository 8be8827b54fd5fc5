package dev.rca.telemetry.control;

import dev.rca.pipeline.control.StageOutcome;
import dev.rca.pipeline.control.StageRerun;
import dev.rca.pipeline.control.UploadDeleted;
import dev.rca.telemetry.entity.UploadTelemetryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the {@code upload_telemetry_events} row of every stage outcome, in the transaction that recorded the outcome:
 * the row exists exactly when the stage's work does, whatever any flag says (a refusal's row in the refusal's own
 * transaction). A stage that runs again on an upload ({@link StageRerun}) replaces its row.
 */
@ApplicationScoped
public class StageTelemetry {

    @PersistenceContext
    EntityManager em;

    void record(@Observes StageOutcome outcome) {
        em.persist(new UploadTelemetryEvent(outcome.tenantId(), outcome.uploadId(), outcome.stage(), outcome.status(),
                outcome.durationMs(), outcome.details()));
    }

    /** The upload was deleted: its rows stay for postmortems, marked with when (one row per stage). */
    void uploadDeleted(@Observes UploadDeleted deleted) {
        em.createNamedQuery(UploadTelemetryEvent.MARK_UPLOAD_DELETED)
                .setParameter("uploadId", deleted.uploadId())
                .setParameter("at", deleted.at())
                .executeUpdate();
    }

    /** A stage runs again on an upload: its new outcome's row replaces this one (one row per upload and stage). */
    void rerun(@Observes StageRerun rerun) {
        em.createNamedQuery(UploadTelemetryEvent.DELETE_BY_UPLOAD_AND_STAGE)
                .setParameter("uploadId", rerun.uploadId())
                .setParameter("stage", rerun.stage().label())
                .executeUpdate();
    }
}
