package dev.rca.pipeline.entity;

import dev.rca.naming.Labelled;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline's stages, declared once, in the order an upload passes through them. The first runs inside the upload
 * request; every later one is a request queue with a message-driven consumer, and its work is registered against its
 * name by the stage's own package ({@code dev.rca.pipeline.control.QueuedStage}). Adding a stage is one constant
 * here, its package, and its queue in {@code deploy/wildfly/messaging.cli}.
 */
public enum Stage implements Labelled {
    INGEST(null, false),
    CHUNK("ChunkRequestQueue", false),
    /** Its failure leaves the upload partial, not failed: the text and the chunks are still good. */
    ANALYZE("AnalyzeRequestQueue", true);

    private final String queue;
    private final boolean failureLeavesPartial;

    Stage(String queue, boolean failureLeavesPartial) {
        this.queue = queue;
        this.failureLeavesPartial = failureLeavesPartial;
    }

    /** What a stage's outcome makes of its upload's final status: a failed ANALYZE only makes it partial. */
    public StageStatus uploadStatus(StageStatus outcome) {
        return outcome == StageStatus.FAILED && failureLeavesPartial ? StageStatus.PARTIAL : outcome;
    }

    /** The name of the stage's request queue ({@code java:/jms/queue/<name>}); the first stage has none. */
    public String queue() {
        if (queue == null) {
            throw new IllegalStateException("stage " + label() + " runs inside the upload request, not off a queue");
        }
        return queue;
    }

    public boolean isQueued() {
        return queue != null;
    }

    /** The stage after this one, if this is not the last. */
    public Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Every stage that takes its requests off a queue, in order. */
    public static List<Stage> queued() {
        return Arrays.stream(values()).filter(Stage::isQueued).toList();
    }

    /** The first queued stage not in {@code done}: where an upload waits; empty when every stage is done. */
    public static Optional<Stage> firstPending(Set<Stage> done) {
        return queued().stream().filter(stage -> !done.contains(stage)).findFirst();
    }

    public static Optional<Stage> byQueue(String queue) {
        return Arrays.stream(values()).filter(stage -> stage.isQueued() && stage.queue.equals(queue)).findFirst();
    }
}
