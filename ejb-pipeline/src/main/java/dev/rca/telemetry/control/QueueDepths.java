package dev.rca.telemetry.control;

import dev.rca.health.BoundedCall;
import dev.rca.pipeline.entity.Stage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Queue depth of the pipeline's queues, read at scrape time. A broker in this server (the embedded default) is read
 * through its JMX beans (enabled by deploy/wildfly/metrics.cli). An external broker (messaging-remote.cli), whose
 * beans are in its own process, is asked over JMS: a management request per queue to its {@code activemq.management}
 * address, as one {@link BoundedCall} that a scrape waits {@link #BOUND} for, so that a slow or lost broker never holds
 * up /metrics; its answer serves the scrapes of the next {@link #FRESH} (the three queue gauges of one scrape ask once).
 * Every node of a cluster reports the same, broker-wide, depths. A queue that cannot be read answers -1, and the log
 * says why once.
 */
@ApplicationScoped
public class QueueDepths {

    /** Every stage's request queue, then the dead-letter queue they share. */
    public static final List<String> QUEUES = Stream.concat(Stage.queued().stream().map(Stage::queue),
            Stream.of("DLQ")).toList();
    static final Duration BOUND = Duration.ofMillis(500);
    static final Duration FRESH = Duration.ofSeconds(1);
    /** Where Artemis takes management requests (its default management-address). */
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private BoundedCall<Map<String, Long>> remoteRead;
    private volatile Snapshot last;
    private volatile boolean warned;

    private record Snapshot(Map<String, Long> depths, long readAtNanos) {
    }

    @PostConstruct
    void init() {
        remoteRead = new BoundedCall<>(this::askBroker, BOUND);
    }

    void register(MetricRegistry registry) {
        for (String queue : QUEUES) {
            registry.gauge(TelemetryMetrics.QUEUE_DEPTH, () -> depth(queue), new Tag(TelemetryMetrics.QUEUE, queue));
        }
    }

    public long depth(String queue) {
        try {
            if (server.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null).isEmpty()) {
                return remoteDepths().getOrDefault(queue, -1L);
            }
            return localDepth(queue);
        } catch (JMException | RuntimeException e) {
            warnOnce("cannot read the depth of queue " + queue, e);
            return -1;
        }
    }

    private long localDepth(String queue) throws JMException {
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
    }

    private Map<String, Long> remoteDepths() {
        Snapshot snapshot = last;
        if (snapshot != null && System.nanoTime() - snapshot.readAtNanos() < FRESH.toNanos()) {
            return snapshot.depths();
        }
        // A failed read serves the same FRESH period as an answer: the other gauges of the scrape answer -1 at once.
        Map<String, Long> depths = Map.of();
        try {
            depths = remoteRead.get(executor);
        } catch (TimeoutException e) {
            warnOnce("the broker did not answer a queue-depth request within " + BOUND.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            warnOnce("cannot read the queue depths from the broker", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        last = new Snapshot(depths, System.nanoTime());
        return depths;
    }

    /** One management request per queue for its messageCount; a queue the broker does not answer for is left out. */
    private Map<String, Long> askBroker() {
        try (JMSContext context = connectionFactory.createContext()) {
            Queue management = context.createQueue(MANAGEMENT_ADDRESS);
            TemporaryQueue replies = context.createTemporaryQueue();
            Map<String, Long> depths = new HashMap<>();
            try (JMSConsumer consumer = context.createConsumer(replies)) {
                for (String queue : QUEUES) {
                    Message request = context.createMessage();
                    request.setStringProperty("_AMQ_ResourceName", "queue." + queue);
                    request.setStringProperty("_AMQ_Attribute", "messageCount");
                    request.setJMSReplyTo(replies);
                    context.createProducer().send(management, request);
                    Message reply = consumer.receive(BOUND.toMillis());
                    if (reply instanceof TextMessage text && reply.getBooleanProperty("_AMQ_OperationSucceeded")) {
                        try (JsonReader reader = Json.createReader(new StringReader(text.getText()))) {
                            JsonArray result = reader.readArray();
                            depths.put(queue, result.getJsonNumber(0).longValue());
                        }
                    } else {
                        warnOnce("the broker did not give the depth of queue " + queue + ": " + reply, null);
                    }
                }
            }
            return depths;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void warnOnce(String message, Throwable e) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, message, e);
        }
    }
}
