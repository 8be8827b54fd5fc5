package dev.rca.security;

import dev.rca.api.Unavailability;
import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application, and it sees every
 * request), deciding by path: {@code /api/*} needs a bearer token; everything else ({@code /metrics}, health,
 * static files) passes without credentials. A request without a valid token continues without a caller, and
 * {@link ApiAccessFilter} answers it with 401 — in the API's JSON error shape, which a refusal from here would not
 * have (the container would send its own error page). What a caller may do is decided there too.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    /** Request attribute: why a request to the API has no caller, for the 401 that {@link ApiAccessFilter} sends. */
    static final String FAILURE = "dev.rca.security.authentication-failure";
    /** Request attribute: the token could not be checked because the database cannot be reached. */
    static final String DATABASE_DOWN = "dev.rca.security.database-down";
    private static final String BEARER = "Bearer ";

    @EJB
    ApiTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PATH)) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.setAttribute(FAILURE, "this endpoint needs an 'Authorization: Bearer <token>' header");
            return context.doNothing();
        }
        Optional<Caller> caller;
        try {
            caller = tokens.authenticate(authorization.substring(BEARER.length()).strip());
        } catch (RuntimeException e) {
            if (!Unavailability.isDatabaseDown(e)) {
                throw e;
            }
            // Answered 503 by ApiAccessFilter, in the API's error shape.
            request.setAttribute(DATABASE_DOWN, Boolean.TRUE);
            return context.doNothing();
        }
        if (caller.isEmpty()) {
            // Unknown, expired and revoked tokens look the same from outside.
            request.setAttribute(FAILURE, "the bearer token is unknown, expired or revoked");
            return context.doNothing();
        }
        request.setAttribute(Caller.class.getName(), caller.get());
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.get().tokenName()),
                Set.of(caller.get().kind().label()));
    }
}
