package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import dev.rca.flags.entity.FlagAuditEntry;
import dev.rca.flags.entity.AllTenantsFlagSetting;
import dev.rca.flags.entity.TenantFlagSetting;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes validated flag changes with their audit rows and the version bump, all in one transaction: a change is
 * applied whole or not at all. A value that equals the setting already stored is no change and writes nothing.
 */
@Stateless
public class FlagChanges {

    /** Who changes flags, as the audit trail names them: the token that made the request. */
    public record Author(UUID tokenId, String tokenName) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FlagVersion version;

    @EJB
    FlagCache cache;

    /** Sets the tenant's own values. */
    public void applyToTenant(Tenant tenant, Map<FeatureFlag, JsonValue> values, String reason, Author author) {
        Instant now = Instant.now();
        boolean changed = false;
        for (Map.Entry<FeatureFlag, JsonValue> change : values.entrySet()) {
            FeatureFlag flag = change.getKey();
            String value = FlagValues.text(change.getValue());
            TenantFlagSetting setting = em.find(TenantFlagSetting.class,
                    new TenantFlagSetting.Key(tenant.getId(), flag.key()));
            if (setting != null && setting.getValue().equals(value)) {
                continue;
            }
            String old = setting != null ? setting.getValue() : allTenantsValue(flag);
            if (setting == null) {
                em.persist(new TenantFlagSetting(tenant.getId(), flag.key(), value, now));
            } else {
                setting.set(value, now);
            }
            audit(now, author, FlagAuditEntry.SCOPE_TENANT, tenant.getId(), flag, old, value, reason);
            changed = true;
        }
        if (changed) {
            version.bump();
        }
    }

    /**
     * Sets the all-tenants default and clears the tenants' own settings of those flags, so that the value applies to
     * every existing tenant and to every tenant created later.
     */
    public void applyToAllTenants(Map<FeatureFlag, JsonValue> values, String reason, Author author) {
        Instant now = Instant.now();
        boolean changed = false;
        for (Map.Entry<FeatureFlag, JsonValue> change : values.entrySet()) {
            FeatureFlag flag = change.getKey();
            String value = FlagValues.text(change.getValue());
            AllTenantsFlagSetting global = em.find(AllTenantsFlagSetting.class, flag.key());
            if (global == null || !global.getValue().equals(value)) {
                String old = allTenantsValue(flag);
                if (global == null) {
                    em.persist(new AllTenantsFlagSetting(flag.key(), value, now));
                } else {
                    global.set(value, now);
                }
                audit(now, author, FlagAuditEntry.SCOPE_ALL_TENANTS, null, flag, old, value, reason);
                changed = true;
            }
            for (TenantFlagSetting own : em.createNamedQuery(TenantFlagSetting.FIND_BY_FLAG, TenantFlagSetting.class)
                    .setParameter("flag", flag.key())
                    .getResultList()) {
                em.remove(own);
                changed = true;
                if (!own.getValue().equals(value)) {
                    audit(now, author, FlagAuditEntry.SCOPE_ALL_TENANTS, own.getTenantId(), flag, own.getValue(),
                            value, reason);
                }
            }
        }
        if (changed) {
            version.bump();
        }
    }

    /** The all-tenants scope's value as stored now: its own setting, else the environment, else the default. */
    private String allTenantsValue(FeatureFlag flag) {
        AllTenantsFlagSetting global = em.find(AllTenantsFlagSetting.class, flag.key());
        if (global != null) {
            return global.getValue();
        }
        JsonValue environment = cache.environmentValue(flag);
        return FlagValues.text(environment != null ? environment : flag.defaultValue());
    }

    private void audit(Instant at, Author author, String scope, UUID tenantId, FeatureFlag flag, String old,
                       String value, String reason) {
        em.persist(new FlagAuditEntry(at, author.tokenId(), author.tokenName(), scope, tenantId, flag.key(), old,
                value, reason));
    }
}
