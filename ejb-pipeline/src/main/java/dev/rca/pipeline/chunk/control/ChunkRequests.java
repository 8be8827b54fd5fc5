package dev.rca.pipeline.chunk.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import java.util.UUID;

/**
 * Hands an upload to the chunk stage through ChunkRequestQueue: inside the caller's transaction (the message leaves
 * only if it commits), or, for an upload already committed, at once and in no transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChunkRequests {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ChunkRequestQueue")
    Queue queue;

    public void send(UUID uploadId) {
        jms.createProducer().send(queue, new ChunkRequest(uploadId).toJson());
    }

    /** Sends at once, outside any transaction: the broker has the request when this returns. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendCommitted(UUID uploadId) {
        send(uploadId);
    }
}
