package dev.rca.pipeline.chunk.boundary;

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

import java.util.logging.Logger;

/**
 * Chunk requests that failed every delivery attempt wait in the broker's DLQ. After the cause is fixed, the
 * operator re-drives them: each is moved back to ChunkRequestQueue in this transaction — taken from the DLQ and sent
 * again together, through the XA connection factory, so a request is never lost or doubled by the move. A request
 * for an upload already done is skipped by the chunk stage.
 */
@Stateless
public class DeadLetters {

    /** Only what ChunkRequestQueue dead-lettered; the DLQ is the broker's, shared with any other queue. */
    static final String FROM_CHUNK_REQUESTS = "_AMQ_ORIG_ADDRESS = 'jms.queue.ChunkRequestQueue'";
    static final long RECEIVE_WAIT_MS = 200;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/DLQ")
    Queue deadLetters;

    @Resource(lookup = "java:/jms/queue/ChunkRequestQueue")
    Queue chunkRequests;

    /** @return how many requests were moved back, at most {@code max} */
    public int redrive(int max) {
        int moved = 0;
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(deadLetters, FROM_CHUNK_REQUESTS)) {
            JMSProducer producer = context.createProducer();
            Message message;
            while (moved < max && (message = consumer.receive(RECEIVE_WAIT_MS)) != null) {
                producer.send(chunkRequests, ((TextMessage) message).getText());
                moved++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not move dead-lettered chunk requests back", e);
        }
        int count = moved;
        LOG.info(() -> "re-drove " + count + " dead-lettered chunk request(s) to ChunkRequestQueue");
        return moved;
    }
}
