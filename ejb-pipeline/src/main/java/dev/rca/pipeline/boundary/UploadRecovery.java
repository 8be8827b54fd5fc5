package dev.rca.pipeline.boundary;

import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.control.StageRequests;
import dev.rca.pipeline.control.StageResult;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Makes every accepted upload end. A stage request can be lost (a crash or a broker failure between the ingest
 * commit and the send that follows it) or dead-lettered after its delivery attempts; the upload then stays
 * {@code processing}. This sweep, on every node at most 10 s after start and then every
 * {@code rca.recovery.sweep-interval-seconds}, sends the request of the first stage without an outcome again for
 * uploads processing longer than {@code rca.recovery.stuck-after-seconds} — harmless when that stage is at work,
 * since a delivery locks the upload and skips a duplicate — and after {@code rca.recovery.max-resends} sends records
 * that stage as failed, so that the upload ends as {@code failed} instead of processing forever.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class UploadRecovery {

    static final int BATCH = 100;
    static final long FIRST_SWEEP_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(UploadRecovery.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    StageRequests requests;

    @EJB
    StageLedger ledger;

    @EJB
    TenantDirectory tenants;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "rca.recovery.stuck-after-seconds")
    long stuckAfterSeconds;

    @Inject
    @ConfigProperty(name = "rca.recovery.sweep-interval-seconds")
    long sweepIntervalSeconds;

    @Inject
    @ConfigProperty(name = "rca.recovery.max-resends")
    int maxResends;

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(sweepIntervalSeconds).toMillis();
        timers.createIntervalTimer(Math.min(interval, FIRST_SWEEP_MILLIS), interval,
                new TimerConfig("upload-recovery", false));
    }

    @Timeout
    public void sweep() {
        Instant now = Instant.now();
        Instant before = now.minusSeconds(stuckAfterSeconds);
        List<UUID> stuck = em.createNamedQuery(Upload.FIND_STUCK, UUID.class)
                .setParameter("status", UploadStatus.PROCESSING)
                .setParameter("before", before)
                .setMaxResults(BATCH)
                .getResultList();
        int resent = 0;
        int failed = 0;
        for (UUID id : stuck) {
            // Waits for a stage (or another node's sweep) at work on this upload, then sees what it left.
            Upload upload = em.find(Upload.class, id, LockModeType.PESSIMISTIC_WRITE);
            Instant lastSent = upload.getLastResentAt() == null ? upload.getReceivedAt() : upload.getLastResentAt();
            if (upload.getStatus() != UploadStatus.PROCESSING || !lastSent.isBefore(before)) {
                continue;
            }
            Optional<Stage> pending = ledger.firstPending(id);
            if (pending.isEmpty()) {
                continue;
            }
            if (upload.getResends() < maxResends) {
                upload.resent(now);
                requests.send(pending.get(), id);
                resent++;
            } else {
                giveUp(upload, pending.get(), now);
                failed++;
            }
        }
        if (resent + failed > 0) {
            int sent = resent;
            int gaveUp = failed;
            LOG.warning(() -> "recovery sweep: sent the stage request again for " + sent + " upload(s) processing"
                    + " longer than " + stuckAfterSeconds + " s; recorded " + gaveUp + " as failed after "
                    + maxResends + " sends");
        }
    }

    private void giveUp(Upload upload, Stage stage, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", "recovery_exhausted");
        details.put("message", "the " + stage.label() + " stage did not complete after " + (maxResends + 1)
                + " requests; the DLQ holds the failed deliveries and the server log their errors");
        details.put("resends", upload.getResends());
        ledger.record(upload, tenants.slugOf(upload.getTenantId()), stage,
                new StageResult(StageStatus.FAILED, details), Duration.between(upload.getReceivedAt(), now).toMillis());
        ledger.finish(upload);
    }
}
