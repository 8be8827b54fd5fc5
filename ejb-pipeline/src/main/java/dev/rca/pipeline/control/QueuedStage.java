package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import dev.rca.uploads.entity.Upload;

/**
 * The work of a stage that takes its requests off a queue, registered against its name ({@link #stage()}) by the
 * stage's own package: a local business interface of its boundary EJB. Everything around the work is the pipeline's
 * ({@code StageDelivery}): the lock on the upload, the skip of a duplicate request, recording the outcome, the next
 * stage's request or the upload's final status, recovery and re-drive.
 */
public interface QueuedStage {

    Stage stage();

    /**
     * Does the stage's work on a locked upload, in the delivery's transaction. A transient failure is thrown as a
     * runtime exception: the delivery rolls back and the broker redelivers it.
     *
     * @throws StageFailure when no redelivery can help; thrown before anything was written, it is recorded as the
     *                      stage's failed outcome and the request is acknowledged
     */
    StageResult perform(Upload upload) throws StageFailure;
}
