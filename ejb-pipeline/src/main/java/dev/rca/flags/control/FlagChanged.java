package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import jakarta.json.JsonValue;

import java.util.UUID;

/**
 * CDI event: a tenant's effective value of a flag changed on this node (fired by {@link FlagCache} after it
 * loaded the change, whichever node made it).
 */
public record FlagChanged(UUID tenantId, String tenantSlug, FeatureFlag flag, JsonValue value) {
}
