package dev.rca.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyTest {

    static final String EXPOSITION = """
            # HELP rca_telemetry_enhanced_metrics_enabled Whether the tenant's flag is on
            # TYPE rca_telemetry_enhanced_metrics_enabled gauge
            rca_telemetry_enhanced_metrics_enabled{mp_scope="application",tenant="acme",} 1.0
            rca_telemetry_enhanced_metrics_enabled{mp_scope="application",tenant="acme2",} 0.0
            rca_pipeline_stage_total{stage="ingest",status="success",tenant="acme"} 3.0
            rca_pipeline_stage_total{stage="chunk",status="success",tenant="acme"} 3.0
            rca_pipeline_stage_duration_seconds_bucket{stage="ingest",tenant="acme",le="0.1"} 3.0
            rca_pipeline_stage_total{stage="ingest",status="success",tenant="acme2"} 1.0
            """;

    @Test
    void theTenantsFlagAndSeriesOnMetrics() {
        List<VerifyCommand.Check> checks = VerifyCommand.metrics(EXPOSITION, "acme");
        assertEquals(3, checks.size());
        assertTrue(checks.stream().allMatch(VerifyCommand.Check::passed), checks.toString());
        assertEquals("[ok]   /metrics: rca_pipeline_stage_total series: 2 series", checks.get(1).line());
    }

    @Test
    void anotherTenantsSeriesDoNotCount() {
        List<VerifyCommand.Check> checks = VerifyCommand.metrics(EXPOSITION, "acme2");
        assertFalse(checks.get(0).passed(), "its flag is off");
        assertEquals("[MISS] /metrics: telemetry_enhanced_metrics_enabled is on:"
                + " rca_telemetry_enhanced_metrics_enabled = 0.0", checks.get(0).line());
        assertTrue(checks.get(1).passed());
        assertFalse(checks.get(2).passed(), "no histogram of its own");
        List<VerifyCommand.Check> unknown = VerifyCommand.metrics(EXPOSITION, "ac");
        assertEquals("no rca_telemetry_enhanced_metrics_enabled series for the tenant", unknown.get(0).detail());
        assertFalse(unknown.get(1).passed(), "a prefix of a tenant's slug is not the tenant");
    }

    @Test
    void prometheusInfinitiesAreNumbers() {
        JsonObject infinite = Json.createObjectBuilder().add("value", Json.createArrayBuilder().add(1).add("+Inf"))
                .build();
        assertEquals(Double.POSITIVE_INFINITY, VerifyCommand.value(infinite));
        JsonObject nan = Json.createObjectBuilder().add("value", Json.createArrayBuilder().add(1).add("NaN")).build();
        assertTrue(Double.isNaN(VerifyCommand.value(nan)));
    }
}
