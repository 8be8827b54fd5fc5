package dev.rca.telemetry.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's recent health: per stage, outcomes since {@code since} and their p95 duration (null without
 * rows); each queue's depth (-1 when the broker does not show it); the tenants with enhanced metrics on.
 */
public record Overview(Instant since, List<StageHealth> stages, Map<String, Long> queueDepths,
                       List<String> enhancedMetricsTenants) {

    public record StageHealth(String stage, long success, long partial, long failed, Double p95DurationMs) {

        public long total() {
            return success + partial + failed;
        }
    }
}
