package dev.rca.errors;

import jakarta.ejb.ApplicationException;

import java.util.Map;

/**
 * Root of the errors a caller caused and can act on. Thrown through EJB boundaries unwrapped, rolling back the
 * transaction, and answered by the REST layer with {@link #kind()}'s status and a JSON body.
 */
@ApplicationException(rollback = true, inherited = true)
public class BusinessException extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        PAYLOAD_TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        UNPROCESSABLE(422),
        /** Answered with {@code Retry-After: }{@link #RETRY_AFTER_SECONDS}. */
        SERVICE_UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** What a {@link Kind#SERVICE_UNAVAILABLE} refusal asks the client to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private final Kind kind;
    private final String error;
    private final Map<String, Object> details;

    public BusinessException(Kind kind, String error, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.error = error;
        this.details = Map.copyOf(details);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, machine-readable code such as {@code invalid_utf8}. */
    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }
}
