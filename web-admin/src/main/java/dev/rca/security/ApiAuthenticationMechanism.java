package dev.rca.security;

import dev.rca.api.ErrorResponse;
import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application, and it sees every
 * request), deciding by path: {@code /api/*} needs a bearer token; everything else ({@code /metrics}, health,
 * static files) passes without credentials. What a caller may do is decided by {@link ApiAccessFilter}.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    private static final String BEARER = "Bearer ";

    @EJB
    ApiTokens tokens;

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PATH)) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(response, "this endpoint needs an 'Authorization: Bearer <token>' header");
        }
        Optional<Caller> caller = tokens.authenticate(authorization.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            // Unknown, expired and revoked tokens look the same from outside.
            return unauthorized(response, "the bearer token is unknown, expired or revoked");
        }
        request.setAttribute(Caller.class.getName(), caller.get());
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.get().tokenName()),
                Set.of(caller.get().kind().label()));
    }

    private AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"rca-pipeline\"");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(jsonb.toJson(new ErrorResponse("unauthorized", message, Map.of())));
            // Committed here, so that the container cannot swap the JSON body for its HTML error page.
            response.flushBuffer();
        } catch (IOException e) {
            // The client is gone; the status alone is all that is left to send.
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
