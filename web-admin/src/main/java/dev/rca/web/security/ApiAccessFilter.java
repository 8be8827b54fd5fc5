package dev.rca.web.security;

import dev.rca.web.api.ErrorResponse;
import dev.rca.web.api.Unavailability;
import dev.rca.tokens.boundary.Caller;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Who may do what, for every API request: admin tokens everything; upload tokens only {@code /api/tenants/{their
 * tenant}/...}. A request without a caller gets 401, a caller without the right 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiAccessFilter implements ContainerRequestFilter {

    static final String TENANTS = "tenants";

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = (Caller) servletRequest.getAttribute(Caller.class.getName());
        if (caller == null && servletRequest.getAttribute(ApiAuthenticationMechanism.DATABASE_DOWN) != null) {
            request.abortWith(Unavailability.response());
            return;
        }
        if (caller == null) {
            Object failure = servletRequest.getAttribute(ApiAuthenticationMechanism.FAILURE);
            request.abortWith(Response.fromResponse(error(Response.Status.UNAUTHORIZED, "unauthorized",
                            failure != null ? failure.toString() : "this endpoint needs a bearer token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rca-pipeline\"")
                    .build());
            return;
        }
        if (caller.isAdmin()) {
            return;
        }
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        boolean ownTenant = segments.size() >= 2 && TENANTS.equals(segments.get(0))
                && caller.mayAccessTenant(segments.get(1));
        if (!ownTenant) {
            request.abortWith(error(Response.Status.FORBIDDEN, "forbidden",
                    "token '" + caller.tokenName() + "' may only upload to and read tenant '" + caller.tenantSlug()
                            + "'"));
        }
    }

    private static Response error(Response.Status status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(error, message, Map.of()))
                .build();
    }
}
