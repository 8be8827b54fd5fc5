package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.rca.flags.entity.FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FlagSnapshotTest {

    static final UUID OWN = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final Map<UUID, String> SLUGS = Map.of(OWN, "own", OTHER, "other");

    @Test
    void builtInDefaultWhenNothingIsSet() {
        FlagSnapshot cut = FlagSnapshot.build(1, SLUGS, Map.of(), Map.of(), Map.of());

        assertValue(cut, OWN, JsonValue.FALSE, FlagSnapshot.Source.DEFAULT);
    }

    @Test
    void environmentOverridesTheBuiltInDefault() {
        FlagSnapshot cut = FlagSnapshot.build(1, SLUGS, Map.of(), Map.of(), enhanced(JsonValue.TRUE));

        assertValue(cut, OWN, JsonValue.TRUE, FlagSnapshot.Source.ENVIRONMENT);
    }

    @Test
    void allTenantsDefaultOverridesTheEnvironment() {
        FlagSnapshot cut = FlagSnapshot.build(1, SLUGS, Map.of(), enhanced(JsonValue.FALSE), enhanced(JsonValue.TRUE));

        assertValue(cut, OWN, JsonValue.FALSE, FlagSnapshot.Source.ALL_TENANTS);
        assertEquals(FlagSnapshot.Source.ALL_TENANTS, cut.allTenants().get(TELEMETRY_ENHANCED_METRICS_ENABLED).source());
    }

    @Test
    void tenantSettingOverridesEverythingForThatTenantOnly() {
        FlagSnapshot cut = FlagSnapshot.build(1, SLUGS, Map.of(OWN, enhanced(JsonValue.TRUE)),
                enhanced(JsonValue.FALSE), enhanced(JsonValue.FALSE));

        assertValue(cut, OWN, JsonValue.TRUE, FlagSnapshot.Source.TENANT);
        assertValue(cut, OTHER, JsonValue.FALSE, FlagSnapshot.Source.ALL_TENANTS);
    }

    @Test
    void tenantUnknownToTheSnapshotGetsTheAllTenantsValues() {
        FlagSnapshot cut = FlagSnapshot.build(1, SLUGS, Map.of(), enhanced(JsonValue.TRUE), Map.of());

        assertValue(cut, UUID.randomUUID(), JsonValue.TRUE, FlagSnapshot.Source.ALL_TENANTS);
    }

    private static Map<FeatureFlag, JsonValue> enhanced(JsonValue value) {
        return Map.of(TELEMETRY_ENHANCED_METRICS_ENABLED, value);
    }

    private static void assertValue(FlagSnapshot snapshot, UUID tenant, JsonValue value, FlagSnapshot.Source source) {
        FlagSnapshot.Value effective = snapshot.forTenant(tenant).get(TELEMETRY_ENHANCED_METRICS_ENABLED);
        assertEquals(value, effective.value());
        assertEquals(source, effective.source());
    }
}
