package dev.rca.tenants.boundary;

import dev.rca.tenants.entity.Tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as the API shows it: the uuid is what {@code upload_telemetry_events.tenant_id} holds. */
public record TenantView(UUID id, String slug, String displayName, boolean active, Instant createdAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.getId(), tenant.getSlug(), tenant.getDisplayName(), tenant.isActive(),
                tenant.getCreatedAt());
    }
}
