package dev.rca.pipeline.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The declared order of the stages and what the shared pipeline derives from it. */
class StageTest {

    @Test
    void theFirstStageRunsInTheRequestAndEveryLaterOneOffItsOwnQueue() {
        Stage[] stages = Stage.values();
        assertFalse(stages[0].isQueued());
        assertThrows(IllegalStateException.class, stages[0]::queue);
        assertEquals(Arrays.asList(stages).subList(1, stages.length), Stage.queued());
        assertEquals(Stage.queued().size(), Stage.queued().stream().map(Stage::queue).distinct().count(),
                "one queue per stage");
        for (Stage stage : Stage.queued()) {
            assertEquals(Optional.of(stage), Stage.byQueue(stage.queue()));
        }
        assertEquals(Optional.empty(), Stage.byQueue("DLQ"));
    }

    @Test
    void eachStageLeadsToTheNextAndTheLastToNone() {
        Stage[] stages = Stage.values();
        for (int i = 0; i + 1 < stages.length; i++) {
            assertEquals(Optional.of(stages[i + 1]), stages[i].next());
        }
        assertEquals(Optional.empty(), stages[stages.length - 1].next());
    }

    @Test
    void anUploadWaitsAtItsFirstQueuedStageWithoutAnOutcome() {
        assertEquals(Optional.of(Stage.queued().get(0)), Stage.firstPending(Set.of(Stage.INGEST)));
        assertEquals(Optional.empty(), Stage.firstPending(EnumSet.allOf(Stage.class)));
    }

    @Test
    void theWorstOutcomeWins() {
        assertEquals(StageStatus.PARTIAL, StageStatus.SUCCESS.worse(StageStatus.PARTIAL));
        assertEquals(StageStatus.FAILED, StageStatus.FAILED.worse(StageStatus.SUCCESS));
        assertEquals(StageStatus.SUCCESS, StageStatus.SUCCESS.worse(StageStatus.SUCCESS));
        assertEquals(StageStatus.FAILED, StageStatus.PARTIAL.worse(StageStatus.FAILED));
    }
}
