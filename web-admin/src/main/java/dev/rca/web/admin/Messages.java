package dev.rca.web.admin;

import dev.rca.errors.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages from the service layer's answers: an error next to the field it is about, or for the page. */
public final class Messages {

    private Messages() {
    }

    /** {@code clientId} is the field's client id; null puts the message at the top of the page. */
    public static void error(String clientId, BusinessException refusal) {
        error(clientId, refusal.getMessage());
    }

    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** An error for the page that the redirect leads to. */
    public static void errorAfterRedirect(String text) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** An info message that survives the redirect after a POST (post-redirect-get). */
    public static void infoAfterRedirect(String text) {
        info(text);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
