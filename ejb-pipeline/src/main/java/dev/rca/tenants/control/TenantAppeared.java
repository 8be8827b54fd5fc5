package dev.rca.tenants.control;

import java.util.UUID;

/** CDI event: this node's {@link TenantDirectory} learnt of a tenant it did not know (not fired for those at start). */
public record TenantAppeared(UUID id, String slug) {
}
