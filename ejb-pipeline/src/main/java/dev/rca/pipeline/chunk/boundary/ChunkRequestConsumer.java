package dev.rca.pipeline.chunk.boundary;

import dev.rca.pipeline.chunk.control.ChunkRequest;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.logging.Logger;

/**
 * Takes chunk requests off ChunkRequestQueue. A malformed message can never succeed and is dropped with a log line;
 * any failure of the stage itself rolls the delivery back, so the broker redelivers it with back-off and finally
 * moves it to the DLQ.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ChunkRequestQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Consumers per node (WildFly's default is 15): the stage is CPU-bound for large files, and each consumer
        // holds a database connection next to the ingest slots (rca.upload.max-concurrent).
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class ChunkRequestConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkRequestConsumer.class.getName());

    @EJB
    ChunkStage stage;

    @Override
    public void onMessage(Message message) {
        ChunkRequest request;
        try {
            request = ChunkRequest.fromJson(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.severe(() -> "dropping malformed chunk request " + messageId(message) + ": " + e);
            return;
        }
        stage.chunk(request.uploadId());
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
