package dev.rca.retention.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node starts the retention sweep every {@code rca.retention.sweep-interval-seconds}; {@link RetentionRun}
 * lets one of them at a time do it. A failed run is logged and the next interval tries again.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class RetentionSweep {

    static final long FIRST_SWEEP_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(RetentionSweep.class.getName());

    @Resource
    TimerService timers;

    @EJB
    RetentionRun run;

    @Inject
    @ConfigProperty(name = "rca.retention.sweep-interval-seconds")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(Math.min(interval, FIRST_SWEEP_MILLIS), interval,
                new TimerConfig("retention-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        try {
            run.runUnlessRunningElsewhere(Duration.ofSeconds(intervalSeconds));
        } catch (RuntimeException e) {
            // One line per failed run (a database outage would otherwise fill the log with traces); the trace at FINE.
            LOG.warning(() -> "retention sweep failed, the next one tries again: " + rootCause(e));
            LOG.log(Level.FINE, "retention sweep failure", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
