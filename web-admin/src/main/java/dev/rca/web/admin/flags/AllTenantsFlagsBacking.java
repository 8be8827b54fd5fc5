package dev.rca.web.admin.flags;

import dev.rca.flags.boundary.AuditPage;
import dev.rca.flags.boundary.FeatureFlags;
import dev.rca.tenants.boundary.TenantAdministration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * admin/flags/index.xhtml: the all-tenants form — the scope {@code all-tenants} of the admin API, which sets a flag
 * for every tenant without a setting of its own and audits one row per tenant it overrides.
 */
@Named
@ViewScoped
public class AllTenantsFlagsBacking implements Serializable {

    static final String SCOPE = TenantAdministration.ALL_TENANTS;
    static final int AUDIT_ROWS = 50;

    @EJB
    FeatureFlags flags;

    @Inject
    FlagChangeForm flagChange;

    private List<FlagRow> flagRows;
    private List<AuditPage.Entry> audit;
    private long auditTotal;

    @PostConstruct
    void refresh() {
        flagRows = FlagRow.of(flags.get(SCOPE));
        AuditPage page = flags.audit(SCOPE, null, null, null, 0, AUDIT_ROWS);
        audit = page.entries();
        auditTotal = page.total();
    }

    public void changeFlag(FlagRow row, String reasonId) {
        if (flagChange.apply(SCOPE, row, reasonId).isPresent()) {
            refresh();
        }
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
}
