package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

import java.util.UUID;

/**
 * Hands an upload to a stage through the stage's request queue ({@code java:/jms/queue/<queue>}, see
 * {@link Stage#queue()}): inside the caller's transaction, so that the message leaves only if the work before it
 * commits, or, for an upload already committed, at once and in no transaction.
 */
@Stateless
public class StageRequests {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void send(Stage stage, UUID uploadId) {
        produce(stage, uploadId);
    }

    /** Sends at once, outside any transaction: the broker has the request when this returns. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendCommitted(Stage stage, UUID uploadId) {
        produce(stage, uploadId);
    }

    private void produce(Stage stage, UUID uploadId) {
        jms.createProducer().send(StageQueues.of(stage), new StageRequest(uploadId).toJson());
    }
}
