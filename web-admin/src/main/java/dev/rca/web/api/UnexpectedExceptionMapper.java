package dev.rca.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a database that cannot be reached is a 503 with {@code Retry-After}; the rest is logged in full
 * under a reference the caller is given, never a stack trace on the wire.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (Unavailability.isDatabaseDown(e)) {
            LOG.warning(() -> "database unavailable, answered 503: " + e);
            return Unavailability.response();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("internal_error",
                        "the server failed unexpectedly; its log has the details under reference " + reference,
                        Map.of("reference", reference)))
                .build();
    }
}
