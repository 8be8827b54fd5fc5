package dev.rca.tenants.control;

import java.util.UUID;

/** CDI event fired in the transaction that creates a tenant; {@link TenantDirectory} learns it once that commits. */
public record TenantCreated(UUID id, String slug) {
}
