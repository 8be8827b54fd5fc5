package dev.rca.web.api;

import dev.rca.errors.BusinessException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        Response.ResponseBuilder response = Response.status(e.kind().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(e.error(), e.getMessage(), e.details()));
        if (e.kind() == BusinessException.Kind.PAYLOAD_TOO_LARGE) {
            // Closing the connection spares the server from draining the rest of an oversize body.
            response.header("Connection", "close");
        }
        if (e.kind() == BusinessException.Kind.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, BusinessException.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
