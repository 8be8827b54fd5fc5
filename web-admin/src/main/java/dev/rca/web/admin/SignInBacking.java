package dev.rca.web.admin;

import dev.rca.users.boundary.SignInResult;
import dev.rca.users.entity.SignInOutcome;
import dev.rca.web.security.ApiAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * admin/sign-in.xhtml: hands the form's credential to the application's one authentication mechanism, and says why a
 * sign-in was refused (a throttled one with 429 and {@code Retry-After}).
 */
@Named
@RequestScoped
public class SignInBacking {

    static final int TOO_MANY_REQUESTS = 429;

    @Inject
    SecurityContext security;

    private String username;
    private String password;
    private boolean expired;
    private boolean signedOut;

    public void explain() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (expired) {
            Messages.info("Your session has expired. Sign in again to continue.");
        } else if (signedOut) {
            Messages.info("You are signed out.");
        }
    }

    public String signIn() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            return "/admin/index?faces-redirect=true";
        }
        if (external.getRequestMap().get(ApiAuthenticationMechanism.SIGN_IN_RESULT) instanceof SignInResult result
                && result.outcome() == SignInOutcome.THROTTLED) {
            long seconds = result.retryAfter().toSeconds();
            external.setResponseStatus(TOO_MANY_REQUESTS);
            external.setResponseHeader("Retry-After", Long.toString(seconds));
            Messages.error(null, "Too many failed sign-ins for this user name or from your address. Try again in "
                    + seconds + (seconds == 1 ? " second." : " seconds."));
            return null;
        }
        Messages.error(null, "Unknown user name or wrong password.");
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }
}
