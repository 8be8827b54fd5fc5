package dev.rca.web.admin.tenants;

import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.tenants.boundary.NewTenant;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** admin/tenants/index.xhtml: the tenants, a create form, (de)activation — through TenantAdministration, as the API. */
@Named
@RequestScoped
public class TenantsBacking {

    @EJB
    TenantAdministration administration;

    private String slug;
    private String displayName;
    private List<TenantView> tenants;

    public List<TenantView> getTenants() {
        if (tenants == null) {
            tenants = administration.list();
        }
        return tenants;
    }

    public String create() {
        try {
            TenantView created = administration.create(new NewTenant(slug, displayName));
            Messages.infoAfterRedirect("Tenant " + created.slug() + " created.");
            return "/admin/tenants/tenant?faces-redirect=true&slug=" + created.slug();
        } catch (BusinessException refusal) {
            // A field rule names its field; the slug's own refusals (reserved, taken) carry the slug.
            boolean slug = "slug".equals(refusal.details().get("field")) || refusal.details().containsKey("slug");
            Messages.error(slug ? "create:slug" : "create:displayName", refusal);
            return null;
        }
    }

    public String setActive(String tenant, boolean active) {
        try {
            administration.setActive(tenant, active);
            Messages.infoAfterRedirect("Tenant " + tenant + (active ? " activated." : " deactivated: it accepts no uploads."));
            return "/admin/tenants/index?faces-redirect=true";
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
            return null;
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
