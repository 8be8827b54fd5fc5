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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Iterator;

/**
 * A request whose view state this session does not know (expired session, forged or stale POST) or an acting link
 * without its token never reaches an action. Without a signed-in user that is an expired session: to the sign-in
 * page, with a message. With one, it is refused: 403 and a page saying nothing was changed — never a stack trace.
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
            Throwable exception = events.next().getContext().getException();
            while (exception instanceof FacesException && exception.getCause() != null
                    && !(exception instanceof ViewExpiredException || exception instanceof ProtectedViewException)) {
                exception = exception.getCause();
            }
            if (exception instanceof ViewExpiredException || exception instanceof ProtectedViewException) {
                events.remove();
                refuse(context);
            }
        }
        getWrapped().handle();
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
