package dev.rca.pipeline.boundary;

import dev.rca.pipeline.control.StageQueues;
import dev.rca.pipeline.entity.Stage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stage requests that failed every delivery attempt wait in the broker's DLQ. After the cause is fixed, the
 * operator re-drives them: each is moved back to the queue it was dead-lettered from, in this transaction — taken
 * from the DLQ and sent again together, through the XA connection factory, so a request is never lost or doubled by
 * the move. A request for work already done is skipped by the stage as a duplicate.
 */
@Stateless
public class DeadLetters {

    /** The broker's property naming the address a dead-lettered message came from. */
    static final String ORIGIN = "_AMQ_ORIG_ADDRESS";
    /**
     * The embedded broker's JMS queue addresses carry this prefix (WildFly's default amq1 prefix); an external
     * broker's, reached with {@code enable-amq1-prefix=false}, do not. Both forms are stage queues.
     */
    static final String ADDRESS_PREFIX = "jms.queue.";
    /** Only what the stage queues dead-lettered; the DLQ is the broker's, shared with any other queue. */
    static final String FROM_STAGE_QUEUES = ORIGIN + " IN (" + Stage.queued().stream()
            .flatMap(stage -> Stream.of(ADDRESS_PREFIX + stage.queue(), stage.queue()))
            .map(address -> "'" + address + "'")
            .collect(Collectors.joining(", ")) + ")";
    static final long RECEIVE_WAIT_MS = 200;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/DLQ")
    Queue deadLetters;

    /** @return how many requests were moved back, at most {@code max} */
    public int redrive(int max) {
        int moved = 0;
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(deadLetters, FROM_STAGE_QUEUES)) {
            JMSProducer producer = context.createProducer();
            Message message;
            while (moved < max && (message = consumer.receive(RECEIVE_WAIT_MS)) != null) {
                producer.send(StageQueues.of(origin(message)), ((TextMessage) message).getText());
                moved++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not move dead-lettered stage requests back", e);
        }
        int count = moved;
        LOG.info(() -> "re-drove " + count + " dead-lettered stage request(s) to their queues");
        return moved;
    }

    private static Stage origin(Message message) throws JMSException {
        String address = message.getStringProperty(ORIGIN);
        // The selector admits only stage queues, so this cannot miss.
        return stageOf(address).orElseThrow(
                () -> new IllegalStateException("dead letter from " + address + " is no stage's"));
    }

    /** The stage whose queue has this address, with or without the amq1 prefix. */
    static Optional<Stage> stageOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return Stage.byQueue(address.startsWith(ADDRESS_PREFIX) ? address.substring(ADDRESS_PREFIX.length())
                : address);
    }
}
