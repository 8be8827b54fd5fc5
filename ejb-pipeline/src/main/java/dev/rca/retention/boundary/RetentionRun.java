package dev.rca.retention.boundary;

import dev.rca.pipeline.boundary.UploadDeletion;
import dev.rca.retention.entity.ScheduledSweep;
import dev.rca.telemetry.control.PipelineMetrics;
import dev.rca.telemetry.control.TelemetryMetrics;
import dev.rca.telemetry.control.TelemetryRetention;
import dev.rca.tenants.entity.Tenant;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.users.control.SignInAttempts;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * One retention sweep, on the node that holds the lock of the {@code retention} row of {@code scheduled_sweeps} for
 * the whole run: another node's sweep meanwhile fails to take the lock at once and skips, and one that comes later
 * in the same interval sees the row's last run and skips too. Each deletion is a transaction of its own (an upload
 * with everything derived from it; a batch of rows), so a failure half-way keeps what was deleted and leaves no
 * half-deleted upload. Each run is bounded ({@link #UPLOADS_PER_RUN}, {@link #BATCHES_PER_RUN}); the next interval
 * goes on where it stopped.
 */
@Stateless
public class RetentionRun {

    static final String SWEEP = "retention";
    static final int UPLOADS_PER_RUN = 500;
    static final int BATCH = 5000;
    static final int BATCHES_PER_RUN = 20;
    private static final Logger LOG = Logger.getLogger(RetentionRun.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    UploadDeletion deletion;

    @EJB
    TelemetryRetention telemetry;

    @EJB
    SignInAttempts signIns;

    @Inject
    PipelineMetrics metrics;

    @Inject
    @ConfigProperty(name = "rca.telemetry.retention-days")
    int telemetryDays;

    @Inject
    @ConfigProperty(name = "rca.sign-in.history-days")
    int signInDays;

    /** Runs the sweep unless another node holds it or ran it less than half an interval ago; true if it ran. */
    public boolean runUnlessRunningElsewhere(Duration interval) {
        ScheduledSweep sweep;
        try {
            sweep = em.find(ScheduledSweep.class, SWEEP, LockModeType.PESSIMISTIC_WRITE,
                    Map.of("jakarta.persistence.lock.timeout", 0));
        } catch (PessimisticLockException | LockTimeoutException runningElsewhere) {
            context.setRollbackOnly();
            return false;
        }
        Instant now = Instant.now();
        if (sweep.getLastRunAt() != null && sweep.getLastRunAt().isAfter(now.minus(interval.dividedBy(2)))) {
            return false;
        }
        String node = System.getProperty("jboss.node.name", "unknown");
        int uploads = expireUploads(now);
        int telemetryRows = telemetryDays <= 0 ? 0 : deleteInBatches(
                before -> telemetry.deleteBefore(before, BATCH), now.minus(Duration.ofDays(telemetryDays)));
        int attempts = signIns.deleteBefore(now.minus(Duration.ofDays(signInDays)));
        metrics.retentionDeleted(TelemetryMetrics.TELEMETRY_TABLE, telemetryRows);
        metrics.retentionDeleted(TelemetryMetrics.SIGN_IN_TABLE, attempts);
        sweep.ran(now, node);
        if (uploads + telemetryRows + attempts > 0) {
            LOG.info(() -> "retention sweep on " + node + ": deleted " + uploads + " upload(s), " + telemetryRows
                    + " telemetry row(s), " + attempts + " sign-in attempt(s)");
        }
        return true;
    }

    private int expireUploads(Instant now) {
        int deleted = 0;
        for (Tenant tenant : em.createNamedQuery(Tenant.FIND_WITH_RETENTION, Tenant.class).getResultList()) {
            List<UUID> expired = em.createNamedQuery(Upload.FIND_EXPIRED, UUID.class)
                    .setParameter("tenantId", tenant.getId())
                    .setParameter("before", now.minus(Duration.ofDays(tenant.getUploadRetentionDays())))
                    .setParameter("processing", UploadStatus.PROCESSING)
                    .setMaxResults(UPLOADS_PER_RUN - deleted)
                    .getResultList();
            for (UUID upload : expired) {
                if (deletion.expire(upload)) {
                    deleted++;
                }
            }
            if (deleted >= UPLOADS_PER_RUN) {
                break;
            }
        }
        return deleted;
    }

    private static int deleteInBatches(ToIntFunction<Instant> batch, Instant before) {
        int deleted = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int rows = batch.applyAsInt(before);
            deleted += rows;
            if (rows < BATCH) {
                break;
            }
        }
        return deleted;
    }
}
