package dev.rca.it;

import dev.rca.cli.SampleLog;
import dev.rca.pipeline.entity.Stage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runbook's metric checks against the real server scraped by a real Prometheus: §2.1 (baseline), §3 (the
 * increase and histogram_quantile queries, verbatim but for the tenant), §6.2 and §7.1 (gone after rollback).
 */
class PrometheusIT extends AdminSession {

    static final String STAGE_OUTCOMES = """
            sum by (stage, status) (
              increase(rca_pipeline_stage_total{tenant="{tenant_id}"}[5m])
            )""";
    static final String STAGE_P95 = """
            histogram_quantile(0.95,
              sum by (le, stage) (
                rate(rca_pipeline_stage_duration_seconds_bucket{tenant="{tenant_id}"}[5m])
              )
            )""";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void runbookQueriesSeeTheTenantsStagesAndRollbackRemovesThem() throws Exception {
        Admin.Tenant tenant = admin.tenant("prom");
        try (Prometheus prometheus = Prometheus.scraping(api.base())) {
            assertEquals(200, admin.putFlag(tenant.slug(), true, "runbook 2.2").status());
            prometheus.awaitZeroSeries(tenant.slug(), DEADLINE);

            admin.uploadSucceeded(tenant, SampleLog.generate(4, 512 * 1024), DEADLINE);

            prometheus.await(forTenant(STAGE_OUTCOMES, tenant), samples -> {
                Map<String, Double> byStageStatus = samples.stream().collect(Collectors.toMap(
                        s -> Prometheus.label(s, "stage") + "/" + Prometheus.label(s, "status"), Prometheus::value));
                return Arrays.stream(Stage.values())
                        .allMatch(stage -> byStageStatus.getOrDefault(stage.label() + "/success", 0.0) >= 1)
                        && byStageStatus.getOrDefault("ingest/failed", -1.0) == 0;
            }, DEADLINE);
            List<JsonObject> p95 = prometheus.await(forTenant(STAGE_P95, tenant), samples ->
                    samples.size() == Stage.values().length
                            && samples.stream().allMatch(s -> Double.isFinite(Prometheus.value(s))),
                    DEADLINE).getValuesAs(JsonObject.class);
            assertEquals(Arrays.stream(Stage.values()).map(Stage::label).sorted().toList(),
                    p95.stream().map(s -> Prometheus.label(s, "stage")).sorted().toList(), "one p95 per declared stage");
            assertTrue(p95.stream().allMatch(s -> Prometheus.value(s) < 60), "runbook: p95 under 60 s: " + p95);

            assertEquals(200, admin.putFlag(tenant.slug(), false, "runbook 6.1").status());
            String tenantLabel = "tenant=\"" + tenant.slug() + "\"";
            assertTrue(scrape().lines().noneMatch(line -> line.contains(tenantLabel)
                            && (line.startsWith("rca_pipeline_stage") || line.startsWith("rca_telemetry_enhanced"))),
                    "no gated series of the tenant right after the rollback");
            prometheus.await("absent(rca_pipeline_stage_total{tenant=\"" + tenant.slug() + "\"})",
                    samples -> samples.size() == 1 && Prometheus.value(samples.get(0)) == 1, DEADLINE);
        }
    }

    @Test
    void exportPassesPromtoolWithSeveralTenantsEnabled() throws Exception {
        for (int i = 0; i < 3; i++) {
            Admin.Tenant tenant = admin.tenant("lint");
            assertEquals(200, admin.putFlag(tenant.slug(), true, null).status());
            Api.Response accepted = api.withToken(tenant.uploadToken())
                    .upload(tenant.slug(), "text/plain", SampleLog.generate(i, 64 * 1024));
            assertEquals(202, accepted.status(), accepted.toString());
        }
        String metrics = scrape();
        assertTrue(metrics.contains("rca_pipeline_stage_duration_seconds_bucket"), metrics);

        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, promtool.exitValue(), "promtool check metrics: " + output);
    }

    @Test
    void withEveryTenantOffTheRunbookGrepPrintsNothing() throws Exception {
        Admin.Tenant tenant = admin.tenant("off");
        assertEquals(200, admin.putFlag(tenant.slug(), true, null).status());
        assertTrue(scrape().contains("rca_pipeline_stage_total{"), "on: the tenant's zero series are there");

        assertEquals(200, admin.putFlag(Admin.ALL_TENANTS, false, "every tenant off").status());

        // Runbook §2.1 and §7.1, verbatim.
        Path output = Files.createTempFile("rca-it-grep-", ".txt");
        ProcessBuilder grep = new ProcessBuilder("bash", "-c",
                "curl -s $API_HOST/metrics | grep rca_pipeline_stage_total")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        grep.environment().put("API_HOST", api.base().toString().replaceAll("/+$", ""));
        Process process = grep.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", Files.readString(output), "no series, no HELP or TYPE lines");
        assertEquals(1, process.exitValue(), "grep found nothing");
        Files.delete(output);
    }

    private String scrape() throws IOException {
        Api.Response metrics = api.withoutToken().get(api.base().resolve("metrics"));
        assertEquals(200, metrics.status());
        return metrics.body();
    }

    private static String forTenant(String query, Admin.Tenant tenant) {
        return query.replace("{tenant_id}", tenant.slug());
    }
}
