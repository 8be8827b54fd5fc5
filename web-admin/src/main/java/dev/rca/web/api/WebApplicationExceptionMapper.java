package dev.rca.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Map;

/**
 * Errors the JAX-RS runtime raises itself (unknown path, wrong method, ...) in the API's error shape, said in the
 * product's words: the runtime's own messages carry its name and message codes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String error = status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        Response.ResponseBuilder response = Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(error, message(status.getStatusCode(), status.getReasonPhrase()),
                        Map.of("path", uriInfo.getPath())));
        return response.build();
    }

    static String message(int status, String reason) {
        return switch (status) {
            case 404 -> "there is no API resource at this address";
            case 405 -> "this API resource does not take that method (see Allow)";
            case 406 -> "this API resource answers JSON only";
            case 415 -> "this API resource does not take that Content-Type";
            default -> "the request failed: " + status + " " + reason;
        };
    }
}
