package dev.rca.errors;

import jakarta.ejb.ApplicationException;

import java.util.Map;

/**
 * Root of the errors a caller caused and can act on, each with its {@link ErrorCode}. Thrown through EJB boundaries
 * unwrapped, rolling back the transaction, and answered by the REST layer with the status of the code's kind and a
 * JSON body.
 */
@ApplicationException(rollback = true, inherited = true)
public class BusinessException extends RuntimeException {

    /** What an {@link ErrorCode.Kind#UNAVAILABLE} error asks the client to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private final ErrorCode code;
    private final Map<String, Object> details;

    public BusinessException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCode.Kind kind() {
        return code.kind();
    }

    /** The code's label, such as {@code invalid_utf8}: what the API and telemetry show. */
    public String error() {
        return code.label();
    }

    public Map<String, Object> details() {
        return details;
    }
}
