package dev.rca.web.api;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business error as the API answers it: the status of its kind and the JSON error body. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        Response.ResponseBuilder response = Response.status(status(e.kind()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(e.error(), e.getMessage(), e.details()));
        if (e.kind() == ErrorCode.Kind.TOO_LARGE || e.kind() == ErrorCode.Kind.TOO_SLOW) {
            // Closing the connection spares the server from draining the rest of an oversize or trickling body.
            response.header("Connection", "close");
        }
        if (e.kind() == ErrorCode.Kind.UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, BusinessException.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The one place where a kind of error becomes an HTTP status (the admin UI shows the message instead). */
    public static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case TOO_SLOW -> 408;
            case UNSUPPORTED -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
    }
}
