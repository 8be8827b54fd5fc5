package dev.rca.pipeline.boundary;

import dev.rca.pipeline.control.DuplicateRequest;
import dev.rca.pipeline.control.StageFailure;
import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.control.StageRegistry;
import dev.rca.pipeline.control.StageRequests;
import dev.rca.pipeline.control.StageResult;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.uploads.entity.Upload;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What every queued stage does with a request, around the stage's own work, in the transaction of the message: lock
 * the upload, skip a request whose stage already committed, run the work, record its outcome, then either send the
 * next stage's request (it leaves only if this commits) or, after the last stage or a failure, end the upload.
 */
@Stateless
public class StageDelivery {

    private static final Logger LOG = Logger.getLogger(StageDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    StageRegistry registry;

    @EJB
    StageLedger ledger;

    @EJB
    StageRequests requests;

    @EJB
    TenantDirectory tenants;

    @Inject
    Event<DuplicateRequest> duplicates;

    public void deliver(Stage stage, UUID uploadId) {
        long started = System.nanoTime();
        // The row lock makes a concurrent duplicate of this request wait, then find the outcome recorded.
        Upload upload = em.find(Upload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null) {
            LOG.warning(() -> stage.label() + " request for unknown upload " + uploadId + " ignored");
            return;
        }
        if (ledger.isCompleted(uploadId, stage)) {
            LOG.info(() -> "duplicate " + stage.label() + " request for upload " + uploadId + " skipped: the stage"
                    + " has committed its work");
            duplicates.fire(new DuplicateRequest(stage));
            return;
        }
        StageResult result;
        try {
            result = registry.work(stage).perform(upload);
        } catch (StageFailure failure) {
            // Bad data: no redelivery can help. Recorded as failed and acknowledged, not sent on to the DLQ.
            LOG.severe(() -> "upload " + uploadId + " failed the " + stage.label() + " stage: " + failure.getMessage());
            result = new StageResult(StageStatus.FAILED,
                    Map.of("error", failure.error(), "message", failure.getMessage()));
        }
        ledger.record(upload, tenants.slugOf(upload.getTenantId()), stage, result,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        Optional<Stage> next = stage.next();
        if (result.status() != StageStatus.FAILED && next.isPresent()) {
            requests.send(next.get(), uploadId);
        } else {
            ledger.finish(upload);
        }
    }
}
