package dev.rca.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** A JSON body that cannot be read into the request's type: the caller's mistake, so 400, not 500. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("invalid_json", "the request body is not the JSON this endpoint takes: "
                        + cause.getMessage(), Map.of()))
                .build();
    }
}
