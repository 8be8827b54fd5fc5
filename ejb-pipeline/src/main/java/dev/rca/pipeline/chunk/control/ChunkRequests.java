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

/** Hands an upload to the chunk stage through ChunkRequestQueue; the message leaves only if the caller commits. */
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
}
