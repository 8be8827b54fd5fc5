package dev.rca.pipeline.control;

/**
 * A stage cannot do its work on an upload and no redelivery can help (bad data): recorded as the stage's failed
 * outcome with {@code error} and the message, and the request acknowledged. Checked, so that it never rolls back
 * the delivery's transaction.
 */
public class StageFailure extends Exception {

    private final String error;

    public StageFailure(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
