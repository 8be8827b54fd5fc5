package dev.rca.pipeline.boundary;

import dev.rca.pipeline.control.StageRequest;
import dev.rca.pipeline.entity.Stage;
import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.logging.Logger;

/**
 * What every stage's message-driven bean does with a message off its request queue; the subclass only names the
 * queue (its activation config) and the stage. A malformed message can never succeed and is dropped with a log line;
 * any failure of the delivery itself rolls it back, so the broker redelivers it with back-off and finally moves it
 * to the DLQ.
 */
public abstract class StageRequestConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(StageRequestConsumer.class.getName());

    @EJB
    StageDelivery delivery;

    protected abstract Stage stage();

    @Override
    public void onMessage(Message message) {
        StageRequest request;
        try {
            request = StageRequest.fromJson(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.severe(() -> "dropping malformed " + stage().label() + " request " + messageId(message) + ": " + e);
            return;
        }
        delivery.deliver(stage(), request.uploadId());
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
