package dev.rca.web.admin;

import dev.rca.web.security.ApiAuthenticationMechanism;
import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Iterator;

/**
 * A request whose view state this session does not know (expired session, forged or stale POST) or an acting link
 * without its token never reaches an action. Without a signed-in user that is an expired session: to the sign-in
 * page, with a message. With one, it is refused: 403 and a page saying nothing was changed — never a stack trace.
 * A view state the server cannot restore at all (a stateless or malformed one sent by hand) is a 400: the sign-in
 * page for a visitor, the refusal page for a signed-in user. Anything else goes on to the error page (web.xml).
 */
public class AdminExceptionHandler extends ExceptionHandlerWrapper {

    static final String REFUSED_VIEW = "/admin/refused.xhtml";

    AdminExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
             events.hasNext(); ) {
            ExceptionQueuedEventContext queued = events.next().getContext();
            Throwable exception = queued.getException();
            while (exception instanceof FacesException && exception.getCause() != null
                    && !(exception instanceof ViewExpiredException || exception instanceof ProtectedViewException)) {
                exception = exception.getCause();
            }
            if (exception instanceof ViewExpiredException || exception instanceof ProtectedViewException) {
                events.remove();
                refuse(context);
            } else if (unrestorable(context, queued)) {
                events.remove();
                badViewState(context);
            }
        }
        getWrapped().handle();
    }

    /** A postback whose view failed to restore: its view state is one this server never issued. */
    private static boolean unrestorable(FacesContext context, ExceptionQueuedEventContext queued) {
        return queued.getPhaseId() == PhaseId.RESTORE_VIEW
                && "POST".equals(((HttpServletRequest) context.getExternalContext().getRequest()).getMethod());
    }

    private static void badViewState(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        HttpSession session = ((HttpServletRequest) external.getRequest()).getSession(false);
        boolean signedIn = session != null && session.getAttribute(ApiAuthenticationMechanism.SESSION_USER) != null;
        external.setResponseStatus(400);
        String view = signedIn ? REFUSED_VIEW : ApiAuthenticationMechanism.SIGN_IN_PAGE;
        context.setViewRoot(context.getApplication().getViewHandler().createView(context, view));
        if (!signedIn) {
            Messages.error(null, "The form you sent was not one this server issued, so nothing was done. Sign in"
                    + " from this page.");
        }
        context.renderResponse();
    }

    private static void refuse(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        HttpSession session = ((HttpServletRequest) external.getRequest()).getSession(false);
        if (session == null || session.getAttribute(ApiAuthenticationMechanism.SESSION_USER) == null) {
            try {
                external.redirect(external.getRequestContextPath() + ApiAuthenticationMechanism.SIGN_IN_PAGE
                        + "?expired=true");
            } catch (IOException e) {
                throw new FacesException(e);
            }
            context.responseComplete();
            return;
        }
        external.setResponseStatus(403);
        context.setViewRoot(context.getApplication().getViewHandler().createView(context, REFUSED_VIEW));
        context.getPartialViewContext().setRenderAll(true);
        context.renderResponse();
    }
}
