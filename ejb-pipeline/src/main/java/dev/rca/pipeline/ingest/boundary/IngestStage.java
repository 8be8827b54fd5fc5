package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.pipeline.ingest.control.Ingestion;
import dev.rca.pipeline.ingest.control.UploadSource;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first stage, run inside the upload request: its transaction stores the upload ({@link Ingestion}) and records
 * the {@code ingest} outcome, all before the caller answers 202; {@link UploadIntake} then hands the upload to the
 * next stage. A refused upload leaves nothing but its failed telemetry row.
 */
@Stateless
public class IngestStage {

    private static final Logger LOG = Logger.getLogger(IngestStage.class.getName());

    @Inject
    Ingestion ingestion;

    @EJB
    StageLedger ledger;

    /**
     * @return the accepted upload as it was committed, built from what this transaction wrote: an answer that
     * needed the database again could fail after the commit and tell the client its upload was not kept
     */
    public UploadView ingest(Tenant tenant, UploadSource source) {
        long started = System.nanoTime();
        try {
            TenantLookup.requireActive(tenant);
            Ingestion.Ingested ingested = ingestion.store(tenant, source);
            StageCompletion completion = ledger.record(ingested.upload(), tenant.getSlug(), Stage.INGEST,
                    ingested.result(), elapsedMillis(started));
            return UploadView.of(ingested.upload(), tenant.getSlug(), ingested.files(),
                    Map.of(Stage.INGEST, completion));
        } catch (BusinessException refusal) {
            recordRefusal(tenant, refusal, started);
            throw refusal;
        }
    }

    private void recordRefusal(Tenant tenant, BusinessException refusal, long started) {
        try {
            ledger.recordRefusal(tenant.getId(), tenant.getSlug(), refusal, elapsedMillis(started));
        } catch (RuntimeException e) {
            // The caller still gets the refusal; only its telemetry row is missing, and the log says so.
            LOG.log(Level.WARNING, "could not record the failed ingest of tenant " + tenant.getSlug(), e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
