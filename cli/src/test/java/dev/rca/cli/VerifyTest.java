package dev.rca.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void sampleSizeIsBounded() {
        CommandLineTest parsing = new CommandLineTest();
        assertEquals(Rca.USAGE, parsing.run("sample", "--tenant", "acme", "--mb", "0", "--api", "http://127.0.0.1:1/"));
        assertTrue(parsing.err.toString().contains("--mb must be 1-256, not 0"), parsing.err.toString());
    }

    @Test
    void sampleWritesTheSameLogForTheSameSeed(@TempDir Path dir)
            throws IOException {
        CommandLineTest parsing = new CommandLineTest();
        Path one = dir.resolve("one.log");
        Path two = dir.resolve("two.log");
        assertEquals(Rca.OK, parsing.run("sample", "--mb", "1", "--seed", "4", "--out", one.toString()));
        assertEquals(Rca.OK, parsing.run("sample", "--mb", "1", "--seed", "4", "--out", two.toString()));
        assertTrue(Files.size(one) >= 1 << 20);
        assertEquals(-1, Files.mismatch(one, two));
        assertTrue(parsing.out.toString().startsWith("wrote " + Files.size(one) + " bytes to "),
                parsing.out.toString());
    }

    @Test
    void verifyNeedsItsPrometheus() {
        CommandLineTest parsing = new CommandLineTest();
        assertEquals(Rca.USAGE, parsing.run("verify", "--tenant", "acme"));
        assertTrue(parsing.err.toString().contains("Missing required option: '--prometheus=URL'"),
                parsing.err.toString());
    }
}
