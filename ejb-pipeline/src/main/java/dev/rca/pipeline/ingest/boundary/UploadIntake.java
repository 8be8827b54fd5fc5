package dev.rca.pipeline.ingest.boundary;

import dev.rca.pipeline.chunk.control.ChunkRequests;
import dev.rca.pipeline.ingest.control.IngestSlots;
import dev.rca.pipeline.ingest.control.UploadSource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an upload enters the pipeline (the API and the admin form): the ingest stage stores it in a transaction of
 * its own, and once that has committed, the upload's chunk request goes to the broker on its own. Sending after the
 * commit instead of inside it keeps the broker out of the ingest transaction (no two-phase commit per upload); a
 * request lost between the two (a crash, the broker down) is sent again by the recovery sweep ({@code
 * UploadRecovery}), as one lost in the broker would be.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadIntake {

    private static final Logger LOG = Logger.getLogger(UploadIntake.class.getName());

    @EJB
    IngestStage ingest;

    @EJB
    ChunkRequests chunkRequests;

    @Inject
    IngestSlots slots;

    /**
     * Waits for an ingest slot ({@link IngestSlots}), ingests, then sends the chunk request.
     *
     * @return the accepted upload as committed; a refusal is thrown as the ingest stage's BusinessException
     */
    public UploadView accept(String tenantSlug, UploadSource source) {
        UploadView accepted;
        slots.acquire();
        try {
            accepted = ingest.ingest(tenantSlug, source);
        } finally {
            slots.release();
        }
        try {
            chunkRequests.sendCommitted(accepted.id());
        } catch (RuntimeException e) {
            // The upload is kept and the caller is told so; the recovery sweep sends the request later.
            LOG.log(Level.WARNING, "upload " + accepted.id() + " is stored, but its chunk request could not be sent;"
                    + " the recovery sweep will send it", e);
        }
        return accepted;
    }
}
