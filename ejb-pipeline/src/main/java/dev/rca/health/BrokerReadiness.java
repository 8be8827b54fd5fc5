package dev.rca.health;

import jakarta.annotation.Resource;
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

/**
 * Readiness: the broker (embedded or external, whichever {@code java:/JmsXA} points at) answers for the chunk
 * request queue. Opening a browser asks the broker about the queue, so a pooled connection to a broker that is gone
 * does not pass. In the EAR's {@code lib/} for the reason given on {@link DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/ChunkRequestQueue")
    Queue chunkRequests;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(chunkRequests)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("broker").up().withData("queue", chunkRequests.getQueueName()).build();
        } catch (JMSException | JMSRuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
