package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which declared stages have no registered work: what stops a deployment. */
class StageRegistryTest {

    @Test
    void everyDeclaredQueuedStageWithoutWorkIsMissing() {
        assertEquals(EnumSet.copyOf(Stage.queued()), StageRegistry.missing(Set.of(), Stage.queued()));
        assertEquals(Set.of(), StageRegistry.missing(EnumSet.copyOf(Stage.queued()), Stage.queued()));
    }
}
