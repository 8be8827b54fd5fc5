package dev.rca.web.security;

import dev.rca.web.api.Unavailability;
import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.Caller;
import dev.rca.users.boundary.AdminUsers;
import dev.rca.users.boundary.SignInResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application, and it sees every
 * request), deciding by path:
 * <ul>
 * <li>{@code /api/*} needs a bearer token. A request without a valid token continues without a caller, and
 * {@link ApiAccessFilter} answers it with 401 — in the API's JSON error shape, which a refusal from here would not
 * have (the container would send its own error page). What a caller may do is decided there too.</li>
 * <li>{@code /admin/*} (the admin UI) needs an admin user signed in to the HTTP session; the sign-in page's form
 * authenticates through {@code SecurityContext.authenticate} with a {@link UsernamePasswordCredential}, which
 * arrives here. Anyone else is sent to the sign-in page, told when their session expired.</li>
 * <li>everything else ({@code /metrics}, static files, Faces resources) passes without credentials.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    static final String ADMIN_PATH = "/admin/";
    public static final String SIGN_IN_PAGE = "/admin/sign-in.xhtml";
    /** Session attribute: the signed-in admin user's name. */
    public static final String SESSION_USER = "dev.rca.web.security.admin-user";
    /** The group of signed-in admin users; API callers have their token's kind as group. */
    public static final String ADMIN_USER_GROUP = "admin-user";
    /** Request attribute: why a request to the API has no caller, for the 401 that {@link ApiAccessFilter} sends. */
    static final String FAILURE = "dev.rca.web.security.authentication-failure";
    /** Request attribute: the token could not be checked because the database cannot be reached. */
    static final String DATABASE_DOWN = "dev.rca.web.security.database-down";
    /** Request attribute: the sign-in form's {@link SignInResult}, for the page to explain a refusal. */
    public static final String SIGN_IN_RESULT = "dev.rca.web.security.sign-in-result";
    private static final String BEARER = "Bearer ";

    @EJB
    ApiTokens tokens;

    @EJB
    AdminUsers users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // The container's decoded, normalised path, the one it dispatches on: the raw request URI would let
        // "/%61dmin/…" or "/admin;x/…" reach the admin pages without matching the prefix checked here.
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (path.startsWith(API_PATH)) {
            return bearer(request, context);
        }
        Credential credential = context.isAuthenticationRequest() && context.getAuthParameters() != null
                ? context.getAuthParameters().getCredential() : null;
        if (credential instanceof UsernamePasswordCredential password) {
            return signIn(request, context, password);
        }
        if (!path.startsWith(ADMIN_PATH)) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_USER);
        if (user != null) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(user.toString()), Set.of(ADMIN_USER_GROUP));
        }
        if (path.equals(SIGN_IN_PAGE)) {
            return context.doNothing();
        }
        return toSignIn(request, response, context);
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context) {
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

    /**
     * The sign-in form's credential: a wrong one fails without a hint which half was wrong. The client's address is
     * the connection's, or a trusted proxy's {@code X-Forwarded-For} (dev.rca.web.http.TrustedProxies).
     */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        SignInResult result = users.signIn(credential.getCaller(), credential.getPassword().getValue(),
                request.getRemoteAddr());
        request.setAttribute(SIGN_IN_RESULT, result);
        if (!result.succeeded()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession();
        // A new session id at sign-in: an id planted before it (session fixation) is worth nothing after.
        request.changeSessionId();
        session.setAttribute(SESSION_USER, credential.getCaller());
        return context.notifyContainerAboutLogin(new CallerPrincipal(credential.getCaller()),
                Set.of(ADMIN_USER_GROUP));
    }

    /** A page request without a signed-in user; a Faces Ajax request needs the redirect in its own XML. */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String target = request.getContextPath() + SIGN_IN_PAGE + (expired ? "?expired=true" : "");
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return context.redirect(target);
        }
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
