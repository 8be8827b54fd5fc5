package dev.rca.web.admin;

import dev.rca.tokens.boundary.Caller;
import dev.rca.tokens.entity.TokenKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/** The admin user behind a page request, as the service layer's audit wants a caller. */
@RequestScoped
public class SignedInUser {

    /** Audit rows name UI changes so, beside the token names of API changes. */
    static final String AUDIT_PREFIX = "admin-ui:";

    @Inject
    SecurityContext security;

    /** An admin caller without a token: the audit row's token id stays empty and its name says who. */
    public Caller caller() {
        return new Caller(null, AUDIT_PREFIX + security.getCallerPrincipal().getName(), TokenKind.ADMIN, null, null);
    }
}
