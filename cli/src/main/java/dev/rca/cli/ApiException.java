package dev.rca.cli;

import jakarta.json.JsonObject;

/**
 * A refusal or failure answered by the server: its status and the product's error document ({@code error},
 * {@code message}, {@code details}), or what the connection failed with when there was no answer.
 */
public class ApiException extends Exception {

    private final int status;
    private final String error;
    private final JsonObject details;

    ApiException(int status, String error, String message, JsonObject details) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = details;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** The error document's {@code details}; empty when it had none. */
    public JsonObject details() {
        return details;
    }
}
