package dev.rca.pipeline.ingest.boundary;

import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.control.StageRequests;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.ingest.control.IngestSlots;
import dev.rca.pipeline.ingest.control.UploadSource;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an upload enters the pipeline (the API and the admin form): the ingest stage stores it in a transaction of
 * its own, and once that has committed, the next stage's request goes to the broker on its own. Sending after the
 * commit instead of inside it keeps the broker out of the ingest transaction (no two-phase commit per upload); a
 * request lost between the two (a crash, the broker down) is sent again by the recovery sweep ({@code
 * UploadRecovery}), as one lost in the broker would be.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadIntake {

    private static final Logger LOG = Logger.getLogger(UploadIntake.class.getName());
    private static final Stage NEXT = Stage.INGEST.next().orElseThrow();

    @EJB
    TenantLookup tenants;

    @EJB
    IngestStage ingest;

    @EJB
    StageRequests requests;

    @Inject
    IngestSlots slots;

    /**
     * Resolves the tenant (404 when there is none), waits for an ingest slot of its tenant ({@link IngestSlots}), ingests the body
     * at the minimum data rate counted from there, then
     * sends the next stage's request.
     *
     * @return the accepted upload as committed; a refusal is thrown as the ingest stage's BusinessException
     */
    public UploadView accept(String tenantSlug, UploadSource source) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        UploadView accepted;
        try (IngestSlots.Slot slot = slots.acquire(tenant.getSlug())) {
            accepted = ingest.ingest(tenant, slot.metered(source));
        }
        try {
            requests.sendCommitted(NEXT, accepted.id());
        } catch (RuntimeException e) {
            // The upload is kept and the caller is told so; the recovery sweep sends the request later.
            LOG.log(Level.WARNING, "upload " + accepted.id() + " is stored, but its " + NEXT.label() + " request"
                    + " could not be sent; the recovery sweep will send it", e);
        }
        return accepted;
    }
}
