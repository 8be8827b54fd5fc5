package dev.rca.telemetry.control;

import dev.rca.pipeline.entity.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Queue depth of the pipeline's queues, read at scrape time from the broker's JMX beans (enabled by
 * deploy/wildfly/metrics.cli). A queue the broker does not show answers -1, and the log says why once.
 */
@ApplicationScoped
public class QueueDepths {

    /** Every stage's request queue, then the dead-letter queue they share. */
    public static final List<String> QUEUES = Stream.concat(Stage.queued().stream().map(Stage::queue),
            Stream.of("DLQ")).toList();
    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private volatile boolean warned;

    void register(MetricRegistry registry) {
        for (String queue : QUEUES) {
            registry.gauge(TelemetryMetrics.QUEUE_DEPTH, () -> depth(queue), new Tag(TelemetryMetrics.QUEUE, queue));
        }
    }

    public long depth(String queue) {
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.activemq.artemis:component=addresses,"
                    + "address=\"jms.queue." + queue + "\",subcomponent=queues,*"), null);
            long depth = 0;
            for (ObjectName name : names) {
                depth += ((Number) server.getAttribute(name, "MessageCount")).longValue();
            }
            if (names.isEmpty()) {
                warnOnce("no JMX bean for queue " + queue + "; is jmx-management-enabled set (metrics.cli)?", null);
                return -1;
            }
            return depth;
        } catch (JMException | RuntimeException e) {
            warnOnce("cannot read the depth of queue " + queue, e);
            return -1;
        }
    }

    private void warnOnce(String message, Exception e) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, message, e);
        }
    }
}
