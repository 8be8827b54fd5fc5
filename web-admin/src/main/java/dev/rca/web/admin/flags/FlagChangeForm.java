package dev.rca.web.admin.flags;

import dev.rca.web.admin.Messages;
import dev.rca.web.admin.SignedInUser;
import dev.rca.errors.BusinessException;
import dev.rca.flags.boundary.FeatureFlags;
import dev.rca.flags.boundary.FlagSet;
import dev.rca.tenants.boundary.TenantAdministration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.io.Serializable;
import java.util.Optional;

/**
 * Applies one flag row of a tenant's or the all-tenants flags form through {@link FeatureFlags#put} — the same
 * call, validation and audit rows as {@code PUT .../feature-flags} — with the reason the form insists on.
 */
@Dependent
public class FlagChangeForm implements Serializable {

    @Inject
    FeatureFlags flags;

    @Inject
    SignedInUser user;

    /** The scope's flags after the change, or empty when it was refused (the message is on {@code reasonId}). */
    public Optional<FlagSet> apply(String scope, FlagRow row, String reasonId) {
        if (row.getReason() == null || row.getReason().isBlank()) {
            Messages.error(reasonId, "Say why you change this flag: the reason goes to the audit trail.");
            return Optional.empty();
        }
        // The same value again still means something for all tenants: it replaces the tenants' own settings.
        if (!row.isChanged() && !TenantAdministration.ALL_TENANTS.equals(scope)) {
            Messages.error(reasonId, row.getKey() + " is " + row.isEffective() + " already; nothing to change.");
            return Optional.empty();
        }
        try {
            FlagSet after = flags.put(scope, Json.createObjectBuilder()
                    .add("flags", Json.createObjectBuilder().add(row.getKey(), row.isValue()))
                    .add("reason", row.getReason().strip())
                    .build(), user.caller());
            Object value = after.flags().get(row.getKey());
            Messages.info(row.getKey() + " changed from " + row.isEffective() + " to " + value + " (source: "
                    + after.sources().get(row.getKey()) + "). " + row.getDescription());
            return Optional.of(after);
        } catch (BusinessException refusal) {
            Messages.error(reasonId, refusal);
            return Optional.empty();
        }
    }
}
