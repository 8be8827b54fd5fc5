package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runbook's "Telemetry / Pipeline Overview" dashboard (deploy/ops/dashboards/telemetry/): provisionable as it is,
 * and every panel's query, as Grafana would send it for one tenant, answers with data from a real Prometheus scraping
 * the real server.
 */
class DashboardIT extends AdminSession {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String DATASOURCE = "${datasource}";
    static final String LATENCY_PANEL = "p95 stage latency";

    @Test
    void dashboardIsInTheProvisioningFormWithADatasourceVariable() throws IOException {
        String text = Files.readString(dashboardDir().resolve("pipeline-overview.json"));
        // The export-for-sharing form (__inputs, ${DS_PROMETHEUS}) cannot be provisioned: Grafana leaves the
        // placeholders unresolved and every panel fails with "datasource not found".
        assertFalse(text.contains("${DS_"), "no export-for-sharing datasource placeholders");
        JsonObject dashboard = parse(text);
        assertFalse(dashboard.containsKey("__inputs"), "no __inputs");
        assertEquals("Pipeline Overview", dashboard.getString("title"), "the runbook's name");
        assertEquals("rca-pipeline-overview", dashboard.getString("uid"));

        Map<String, JsonObject> variables = dashboard.getJsonObject("templating").getJsonArray("list")
                .getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("name"), Function.identity()));
        JsonObject datasource = variables.get("datasource");
        assertNotNull(datasource, "a datasource variable: " + variables.keySet());
        assertEquals("datasource", datasource.getString("type"));
        assertEquals("prometheus", datasource.getString("query"));
        JsonObject tenant = variables.get("tenant");
        assertNotNull(tenant, "a tenant variable: " + variables.keySet());
        assertEquals("query", tenant.getString("type"));
        assertEquals(DATASOURCE, tenant.getJsonObject("datasource").getString("uid"));
        assertTrue(tenant.getBoolean("includeAll") && tenant.getBoolean("multi"), tenant.toString());
        // The panels match with =~"$tenant": All must be a regex, not Grafana's default of every value joined.
        assertEquals(".*", tenant.getString("allValue"));

        List<JsonObject> panels = panels(dashboard);
        assertFalse(panels.isEmpty(), "panels");
        Set<Integer> ids = new HashSet<>();
        for (JsonObject panel : panels) {
            String title = panel.getString("title");
            assertTrue(ids.add(panel.getInt("id")), "panel ids are unique: " + title);
            assertEquals(DATASOURCE, panel.getJsonObject("datasource").getString("uid"), title);
            assertEquals("prometheus", panel.getJsonObject("datasource").getString("type"), title);
            // The runbook's rollback check looks for N/A, not for an empty panel or a 0.
            assertEquals("N/A", panel.getJsonObject("fieldConfig").getJsonObject("defaults").getString("noValue"),
                    title);
            List<JsonObject> targets = panel.getJsonArray("targets").getValuesAs(JsonObject.class);
            assertFalse(targets.isEmpty(), title + " has a query");
            Set<String> refIds = new HashSet<>();
            for (JsonObject target : targets) {
                assertTrue(refIds.add(target.getString("refId")), title + ": refIds are unique");
                assertFalse(target.getString("expr", "").isBlank(), title + ": " + target);
                if (target.containsKey("datasource")) {
                    assertEquals(DATASOURCE, target.getJsonObject("datasource").getString("uid"), title);
                }
            }
        }

        JsonObject latency = panels.stream().filter(p -> LATENCY_PANEL.equals(p.getString("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("a panel " + LATENCY_PANEL));
        JsonObject defaults = latency.getJsonObject("fieldConfig").getJsonObject("defaults");
        assertEquals("s", defaults.getString("unit"));
        assertEquals("line", defaults.getJsonObject("custom").getJsonObject("thresholdsStyle").getString("mode"));
        List<Double> steps = defaults.getJsonObject("thresholds").getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream()
                .map(step -> step.get("value"))
                .filter(value -> value instanceof JsonNumber)
                .map(value -> ((JsonNumber) value).doubleValue())
                .toList();
        // The runbook's check (60 s) and alert (120 s) thresholds, which are also histogram bucket bounds.
        assertTrue(steps.contains(60.0) && steps.contains(120.0), "threshold steps at 60 and 120: " + steps);

        String provisioning = Files.readString(dashboardDir().resolve("provisioning.yml"));
        assertTrue(provisioning.lines().anyMatch(line -> line.strip().equals("apiVersion: 1")), provisioning);
        // "Telemetry / Pipeline Overview" in the runbook is this folder and the dashboard's title.
        assertTrue(provisioning.lines().anyMatch(line -> line.strip().equals("folder: Telemetry")), provisioning);
    }

    @Test
    void everyPanelQueryAnswersWithDataForAnEnabledTenant() throws Exception {
        JsonObject dashboard = parse(Files.readString(dashboardDir().resolve("pipeline-overview.json")));
        Admin.Tenant tenant = admin.tenant("dash");
        try (Prometheus prometheus = Prometheus.scraping(api.base())) {
            assertEquals(200, admin.putFlag(tenant.slug(), true, null).status());
            prometheus.awaitZeroSeries(tenant.slug(), DEADLINE);

            admin.uploadSucceeded(tenant, SampleLog.generate(11, 256 * 1024), DEADLINE);
            // So that "Uploads refused by reason" has a series of the tenant.
            Api.Response refused = admin.uploader(tenant).upload(tenant.slug(), "text/plain",
                    new byte[] {'a', (byte) 0xFF});
            assertEquals(422, refused.status(), refused.toString());

            for (JsonObject panel : panels(dashboard)) {
                for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                    String expr = forTenant(target.getString("expr"), tenant.slug());
                    String what = panel.getString("title") + " / " + target.getString("refId") + ": " + expr;
                    assertFalse(expr.contains("$"), "a Grafana variable the test does not substitute in " + what);
                    // Prometheus answers a malformed query with an error, which query() turns into a failure; a
                    // panel showing NaN (a quantile of nothing yet) is not "populated" either.
                    prometheus.await(expr, samples -> samples.stream().anyMatch(DashboardIT::finite), DEADLINE);
                }
            }
        }
    }

    private static Path dashboardDir() {
        return Path.of(System.getProperty("it.ops.dir", "ops"), "dashboards", "telemetry");
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Every panel that has queries, also those inside (collapsed) rows. */
    private static List<JsonObject> panels(JsonObject dashboard) {
        List<JsonObject> panels = new ArrayList<>();
        for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
            if ("row".equals(panel.getString("type", ""))) {
                JsonArray nested = panel.getJsonArray("panels");
                if (nested != null) {
                    panels.addAll(nested.getValuesAs(JsonObject.class));
                }
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** What Grafana sends for one selected tenant; $tenant is used as a regex (=~), so the bare slug matches it. */
    private static String forTenant(String expr, String slug) {
        return expr.replace("${tenant}", slug).replace("$tenant", slug);
    }

    private static boolean finite(JsonObject sample) {
        try {
            return Double.isFinite(Double.parseDouble(sample.getJsonArray("value").getString(1)));
        } catch (NumberFormatException infinity) {
            // Prometheus writes +Inf and -Inf, which Double.parseDouble does not read.
            return false;
        }
    }
}
