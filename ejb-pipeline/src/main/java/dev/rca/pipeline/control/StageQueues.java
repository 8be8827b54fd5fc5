package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import jakarta.jms.Queue;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each queued stage's request queue, as the server binds it: {@code java:/jms/queue/<queue>} (messaging.cli). */
public final class StageQueues {

    private static final Map<Stage, Queue> QUEUES = new ConcurrentHashMap<>();

    private StageQueues() {
    }

    public static Queue of(Stage stage) {
        return QUEUES.computeIfAbsent(stage, s -> {
            try {
                return InitialContext.doLookup("java:/jms/queue/" + s.queue());
            } catch (NamingException e) {
                throw new IllegalStateException("no queue java:/jms/queue/" + s.queue() + " for stage " + s.label()
                        + "; is it in deploy/wildfly/messaging.cli?", e);
            }
        });
    }
}
