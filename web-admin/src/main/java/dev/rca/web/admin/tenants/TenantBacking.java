package dev.rca.web.admin.tenants;

import dev.rca.web.admin.Messages;
import dev.rca.web.admin.flags.FlagChangeForm;
import dev.rca.web.admin.flags.FlagRow;
import dev.rca.errors.BusinessException;
import dev.rca.flags.boundary.AuditPage;
import dev.rca.flags.boundary.FeatureFlags;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.NewToken;
import dev.rca.tokens.boundary.TokenView;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * admin/tenants/tenant.xhtml: one tenant's flags (changed with a reason, audited as by the API), its audit trail and
 * upload tokens. A new token's secret lives only in this view, so it is shown once: a reload starts a new view.
 */
@Named
@ViewScoped
public class TenantBacking implements Serializable {

    static final int AUDIT_ROWS = 50;

    @EJB
    TenantAdministration administration;

    @EJB
    FeatureFlags flags;

    @EJB
    ApiTokens tokens;

    @Inject
    FlagChangeForm flagChange;

    private String slug;
    private TenantView tenant;
    private List<FlagRow> flagRows;
    private List<AuditPage.Entry> audit;
    private long auditTotal;
    private List<TokenView> tokenList;
    private String tokenName;
    private Integer tokenDays;
    private TokenView createdToken;

    public void load() throws IOException {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            refresh();
        } catch (BusinessException unknown) {
            Messages.errorAfterRedirect(unknown.getMessage());
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/admin/tenants/");
        }
    }

    private void refresh() {
        tenant = administration.get(slug);
        flagRows = FlagRow.of(flags.get(slug));
        AuditPage page = flags.audit(slug, null, null, null, 0, AUDIT_ROWS);
        audit = page.entries();
        auditTotal = page.total();
        tokenList = tokens.listForTenant(slug);
    }

    public void changeFlag(FlagRow row, String reasonId) {
        if (flagChange.apply(slug, row, reasonId).isPresent()) {
            refresh();
        }
    }

    public void createToken() {
        try {
            Instant expires = tokenDays == null ? null : Instant.now().plus(Duration.ofDays(tokenDays));
            createdToken = tokens.createUploadToken(slug, new NewToken(tokenName, expires));
            tokenName = null;
            tokenDays = null;
            refresh();
        } catch (BusinessException refusal) {
            Messages.error("expiresAt".equals(refusal.details().get("field")) ? "tokens:days" : "tokens:name", refusal);
        }
    }

    public void revoke(UUID id) {
        try {
            TokenView revoked = tokens.revoke(id);
            Messages.info("Token " + revoked.name() + " (" + revoked.prefix() + "…) revoked.");
            createdToken = null;
            refresh();
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    public void setActive(boolean active) {
        try {
            tenant = administration.setActive(slug, active);
            Messages.info("Tenant " + slug + (active ? " activated." : " deactivated: it accepts no uploads."));
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public TenantView getTenant() {
        return tenant;
    }

    public List<FlagRow> getFlagRows() {
        return flagRows;
    }

    public List<AuditPage.Entry> getAudit() {
        return audit;
    }

    public long getAuditTotal() {
        return auditTotal;
    }

    public List<TokenView> getTokens() {
        return tokenList;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public Integer getTokenDays() {
        return tokenDays;
    }

    public void setTokenDays(Integer tokenDays) {
        this.tokenDays = tokenDays;
    }

    public TokenView getCreatedToken() {
        return createdToken;
    }
}
