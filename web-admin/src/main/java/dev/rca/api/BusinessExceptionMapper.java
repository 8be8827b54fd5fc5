package dev.rca.api;

import dev.rca.errors.BusinessException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        return Response.status(e.kind().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(e.error(), e.getMessage(), e.details()))
                .build();
    }
}
