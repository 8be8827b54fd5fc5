package dev.rca.flags.entity;

import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of known feature flags: name, type, built-in default and what the flag does. A flag's default can
 * be overridden per environment by the MicroProfile Config key of the same name (environment variable in upper
 * case: {@code TELEMETRY_ENHANCED_METRICS_ENABLED=true}).
 */
public enum FeatureFlag {

    TELEMETRY_ENHANCED_METRICS_ENABLED("telemetry_enhanced_metrics_enabled", FlagType.BOOLEAN, JsonValue.FALSE,
            "Feeds the tenant's stage outcomes and durations into the Prometheus series rca_pipeline_stage_total"
                    + " and rca_pipeline_stage_duration_seconds.");

    private final String key;
    private final FlagType type;
    private final JsonValue defaultValue;
    private final String description;

    FeatureFlag(String key, FlagType type, JsonValue defaultValue, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public FlagType type() {
        return type;
    }

    public JsonValue defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<FeatureFlag> byKey(String key) {
        return Arrays.stream(values()).filter(flag -> flag.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(FeatureFlag::key).toList();
    }
}
