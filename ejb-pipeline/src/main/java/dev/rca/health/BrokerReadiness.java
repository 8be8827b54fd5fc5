package dev.rca.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: the broker (embedded or external, whichever {@code java:/JmsXA} points at) answers for the chunk
 * request queue within {@link #BOUND}. Opening a browser asks the broker about the queue, so a pooled connection to a
 * broker that is gone does not pass; and since the connection factory of an external broker keeps reconnecting while
 * it is gone, the question runs as a {@link BoundedCall}: the probe answers DOWN after the bound instead of hanging.
 * In the EAR's {@code lib/} for the reason given on {@link DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final Duration BOUND = Duration.ofSeconds(1);

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/ChunkRequestQueue")
    Queue chunkRequests;

    @Resource
    ManagedExecutorService executor;

    private BoundedCall<String> browse;

    @PostConstruct
    void init() {
        browse = new BoundedCall<>(this::browseChunkRequests, BOUND);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("broker").up().withData("queue", browse.get(executor)).build();
        } catch (TimeoutException e) {
            return down("the broker did not answer within " + BOUND.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private String browseChunkRequests() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(chunkRequests)) {
            browser.getEnumeration();
            return chunkRequests.getQueueName();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("broker").down().withData("error", error).build();
    }
}
