package dev.rca.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** admin/sign-out.xhtml, a protected view: ends the session and shows the sign-in page. */
@Named
@RequestScoped
public class SignOutBacking {

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/admin/sign-in?faces-redirect=true&signedOut=true";
    }
}
