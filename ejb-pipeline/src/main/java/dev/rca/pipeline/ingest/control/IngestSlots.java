package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * How many uploads are ingested at once on this node. An ingest holds a database connection for as long as it reads
 * the body, so without a bound a burst of large uploads would take every connection of the pool and fail the
 * uploads (and chunk stages) that find none. Uploads beyond the bound wait, first come first served, with their
 * bodies left unread in the network; one that waits longer than the configured time gets a 503 with
 * {@code Retry-After} and nothing is stored.
 */
@ApplicationScoped
public class IngestSlots {

    private static final Logger LOG = Logger.getLogger(IngestSlots.class.getName());

    @Inject
    @ConfigProperty(name = "rca.upload.max-concurrent")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "rca.upload.max-wait-seconds")
    int maxWaitSeconds;

    private Semaphore slots;

    @PostConstruct
    void create() {
        slots = new Semaphore(maxConcurrent, true);
    }

    /** Takes a slot, waiting for one up to the configured time; every successful call needs a {@link #release()}. */
    public void acquire() {
        try {
            if (!slots.tryAcquire(maxWaitSeconds, TimeUnit.SECONDS)) {
                LOG.warning(() -> "upload refused with 503 server_busy: all " + maxConcurrent + " ingest slots stayed"
                        + " busy for " + maxWaitSeconds + " s (rca.upload.max-concurrent, rca.upload.max-wait-seconds)");
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    public void release() {
        slots.release();
    }

    private BusinessException busy() {
        return new BusinessException(ErrorCode.SERVER_BUSY, "all " + maxConcurrent
                + " ingest slots of this server stayed busy for " + maxWaitSeconds + " s; nothing was stored. Retry"
                + " in " + BusinessException.RETRY_AFTER_SECONDS + " seconds",
                Map.of("maxConcurrentUploads", maxConcurrent, "retryAfterSeconds",
                        BusinessException.RETRY_AFTER_SECONDS));
    }
}
