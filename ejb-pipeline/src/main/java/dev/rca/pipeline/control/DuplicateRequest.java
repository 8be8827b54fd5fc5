package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;

/**
 * CDI event: a stage received a request for work it had already committed (a redelivery, a re-drive, a recovery
 * re-send) and skipped it. Counted {@code during = AFTER_SUCCESS}, like outcomes.
 */
public record DuplicateRequest(Stage stage) {
}
