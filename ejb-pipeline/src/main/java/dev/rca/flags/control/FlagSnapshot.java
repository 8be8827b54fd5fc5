package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import jakarta.json.JsonValue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable view of every tenant's effective flags at one database version, with where each value came from.
 * Precedence: the tenant's own setting, then the all-tenants default, then the environment, then the built-in
 * default.
 */
public record FlagSnapshot(long version, Map<UUID, String> tenantSlugs, Map<UUID, Map<FeatureFlag, Value>> tenants,
                           Map<FeatureFlag, Value> allTenants) {

    public enum Source {
        TENANT("tenant"), ALL_TENANTS("all-tenants"), ENVIRONMENT("environment"), DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Value(JsonValue value, Source source) {
    }

    static final FlagSnapshot EMPTY = new FlagSnapshot(-1, Map.of(), Map.of(), Map.of());

    /** A tenant's effective flags; a tenant this snapshot does not know yet gets the all-tenants scope's values. */
    public Map<FeatureFlag, Value> forTenant(UUID tenantId) {
        return tenants.getOrDefault(tenantId, allTenants);
    }

    /** Whether a boolean flag is on for the tenant: two map lookups, the whole cost of a hot-path flag check. */
    public boolean isTrue(UUID tenantId, FeatureFlag flag) {
        return forTenant(tenantId).get(flag).value() == JsonValue.TRUE;
    }

    static FlagSnapshot build(long version, Map<UUID, String> tenantSlugs, Map<UUID, Map<FeatureFlag, JsonValue>> own,
                              Map<FeatureFlag, JsonValue> global, Map<FeatureFlag, JsonValue> environment) {
        Map<FeatureFlag, Value> allTenants = new EnumMap<>(FeatureFlag.class);
        for (FeatureFlag flag : FeatureFlag.values()) {
            if (global.containsKey(flag)) {
                allTenants.put(flag, new Value(global.get(flag), Source.ALL_TENANTS));
            } else if (environment.containsKey(flag)) {
                allTenants.put(flag, new Value(environment.get(flag), Source.ENVIRONMENT));
            } else {
                allTenants.put(flag, new Value(flag.defaultValue(), Source.DEFAULT));
            }
        }
        Map<UUID, Map<FeatureFlag, Value>> tenants = new HashMap<>();
        for (UUID tenant : tenantSlugs.keySet()) {
            Map<FeatureFlag, Value> effective = new EnumMap<>(allTenants);
            own.getOrDefault(tenant, Map.of()).forEach((flag, value) ->
                    effective.put(flag, new Value(value, Source.TENANT)));
            tenants.put(tenant, Map.copyOf(effective));
        }
        return new FlagSnapshot(version, Map.copyOf(tenantSlugs), Map.copyOf(tenants), Map.copyOf(allTenants));
    }
}
