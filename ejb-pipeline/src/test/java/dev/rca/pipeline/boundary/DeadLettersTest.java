package dev.rca.pipeline.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import dev.rca.pipeline.entity.Stage;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void theSelectorAdmitsEveryStageQueueWithAndWithoutTheAmq1Prefix() {
        for (Stage stage : Stage.queued()) {
            assertTrue(DeadLetters.FROM_STAGE_QUEUES.contains("'jms.queue." + stage.queue() + "'"),
                    DeadLetters.FROM_STAGE_QUEUES);
            assertTrue(DeadLetters.FROM_STAGE_QUEUES.contains("'" + stage.queue() + "'"),
                    DeadLetters.FROM_STAGE_QUEUES);
        }
        assertTrue(DeadLetters.FROM_STAGE_QUEUES.startsWith("_AMQ_ORIG_ADDRESS IN ('"), DeadLetters.FROM_STAGE_QUEUES);
    }

    @Test
    void anAddressNamesItsStageOnTheEmbeddedAndOnAnExternalBroker() {
        Stage chunk = Stage.byQueue("ChunkRequestQueue").orElseThrow();
        assertEquals(Optional.of(chunk), DeadLetters.stageOf("jms.queue.ChunkRequestQueue"), "embedded: amq1 prefix");
        assertEquals(Optional.of(chunk), DeadLetters.stageOf("ChunkRequestQueue"),
                "external: enable-amq1-prefix=false");
        assertEquals(Optional.empty(), DeadLetters.stageOf("jms.queue.SomebodyElsesQueue"));
        assertEquals(Optional.empty(), DeadLetters.stageOf(null));
    }
}
