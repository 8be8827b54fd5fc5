package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * How many uploads are ingested at once on this node, in all and per tenant. An ingest holds a database connection
 * for as long as it reads the body, so without a bound a burst of large uploads would take every connection of the
 * pool and fail the uploads (and stages) that find none; without a bound per tenant, one tenant's slow uploads would
 * hold every slot and starve the others. Uploads beyond a bound wait, first come first served, with their bodies
 * left unread in the network; one that waits longer than the configured time gets a 503 with {@code Retry-After}
 * and nothing is stored. A slot is taken for the tenant first, then from the node's pool, so a tenant at its cap
 * waits without holding a slot of the pool.
 */
@ApplicationScoped
public class IngestSlots {

    private static final Logger LOG = Logger.getLogger(IngestSlots.class.getName());

    @Inject
    @ConfigProperty(name = "rca.upload.max-concurrent")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "rca.upload.max-concurrent-per-tenant")
    int maxPerTenant;

    @Inject
    @ConfigProperty(name = "rca.upload.max-wait-seconds")
    int maxWaitSeconds;

    @Inject
    @ConfigProperty(name = "rca.upload.min-bytes-per-second")
    long minBytesPerSecond;

    @Inject
    @ConfigProperty(name = "rca.upload.min-rate-grace-seconds")
    int minRateGraceSeconds;

    private MinimumRate minimumRate;

    private Semaphore slots;
    private final Map<String, Semaphore> tenantSlots = new ConcurrentHashMap<>();

    @PostConstruct
    void create() {
        slots = new Semaphore(maxConcurrent, true);
        minimumRate = new MinimumRate(minBytesPerSecond, minRateGraceSeconds, System::nanoTime);
    }

    /**
     * Takes a slot for the tenant, waiting for one up to the configured time; the caller closes the slot it got.
     *
     * @throws BusinessException {@code server_busy} when none came free in time
     */
    public Slot acquire(String tenant) {
        Semaphore own = tenantSlots.computeIfAbsent(tenant, slug -> new Semaphore(perTenant(), true));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        try {
            if (!own.tryAcquire(maxWaitSeconds, TimeUnit.SECONDS)) {
                LOG.warning(() -> "upload of tenant " + tenant + " refused with 503 server_busy: its " + perTenant()
                        + " ingest slots stayed busy for " + maxWaitSeconds + " s (rca.upload.max-concurrent-per-tenant,"
                        + " rca.upload.max-wait-seconds)");
                throw busy(perTenant() + " ingest slots of tenant " + tenant);
            }
            try {
                if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warning(() -> "upload of tenant " + tenant + " refused with 503 server_busy: all "
                            + maxConcurrent + " ingest slots stayed busy for " + maxWaitSeconds + " s"
                            + " (rca.upload.max-concurrent, rca.upload.max-wait-seconds)");
                    throw busy(maxConcurrent + " ingest slots of this server");
                }
            } catch (InterruptedException | RuntimeException e) {
                own.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("ingest slots");
        }
        return new Slot(own, System.nanoTime());
    }

    /** Slots held per tenant that has held one since the start, for the {@code rca_upload_slots_in_use} gauge. */
    public ToIntFunction<String> inUse() {
        return tenant -> {
            Semaphore own = tenantSlots.get(tenant);
            return own == null ? 0 : perTenant() - own.availablePermits();
        };
    }

    /** The cap of one tenant: the configured one, never more than the node's pool. */
    public int perTenant() {
        return Math.min(maxPerTenant, maxConcurrent);
    }

    private BusinessException busy(String which) {
        return new BusinessException(ErrorCode.SERVER_BUSY, "all " + which + " stayed busy for " + maxWaitSeconds
                + " s; nothing was stored. Retry in " + BusinessException.RETRY_AFTER_SECONDS + " seconds",
                Map.of("maxConcurrentUploads", maxConcurrent, "maxConcurrentUploadsPerTenant", perTenant(),
                        "retryAfterSeconds", BusinessException.RETRY_AFTER_SECONDS));
    }

    /** One upload's slot, held from {@link #acquire} until closed. */
    public final class Slot implements AutoCloseable {

        private final Semaphore own;
        private final long heldSinceNanos;
        private boolean closed;

        private Slot(Semaphore own, long heldSinceNanos) {
            this.own = own;
            this.heldSinceNanos = heldSinceNanos;
        }

        /**
         * The upload as it must be read while this slot is held: its body at the minimum data rate
         * ({@code rca.upload.min-bytes-per-second}), counted from the moment the slot was taken.
         */
        public UploadSource metered(UploadSource source) {
            return new UploadSource() {
                @Override
                public String mediaType() {
                    return source.mediaType();
                }

                @Override
                public long contentLength() {
                    return source.contentLength();
                }

                @Override
                public Body open() throws IOException {
                    Body body = source.open();
                    return new Body(body.fileName(), body.mediaType(),
                            minimumRate.enforce(body.stream(), heldSinceNanos));
                }
            };
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                slots.release();
                own.release();
            }
        }
    }
}
