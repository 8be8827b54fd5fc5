package dev.rca.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code rca verify}: the runbook's post-enablement checks (docs/runbooks/telemetry.md, section 3) as an operator runs
 * them, against the server's {@code /metrics} and the Prometheus that scrapes it. Prints a checklist; exits 1 on any
 * miss.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a tenant's telemetry after enabling it: its series on /metrics, the runbook's two PromQL"
                + " checks answered by Prometheus (stage counts with a recent upload counted, p95 by stage under"
                + " 60 s), the alert rules loaded, and no firing TelemetryPipelineStall or TelemetryLoss for the"
                + " tenant. Needs no token (/metrics and Prometheus are read as they are)."},
        footerHeading = "%nExample:%n",
        footer = "  rca verify --tenant acme --prometheus http://127.0.0.1:9090/ --within 60",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed", "1:a check missed (the checklist says which and why)",
                "2:wrong usage"})
public class VerifyCommand extends TenantCommand implements Callable<Integer> {

    static final double P95_LIMIT_SECONDS = 60;
    static final List<String> ALERTS = List.of("TelemetryPipelineStall", "TelemetryLoss");

    @Option(names = "--prometheus", paramLabel = "URL", required = true,
            description = "The Prometheus that scrapes the server, e.g. http://127.0.0.1:9090/")
    URI prometheus;

    @Option(names = "--within", paramLabel = "SECONDS", defaultValue = "0",
            description = "Check again every 5 s until every check passes or this long has passed (default:"
                    + " ${DEFAULT-VALUE}: once); the runbook allows 30 s after the warm-up upload")
    long withinSeconds;

    /** One line of the checklist. */
    record Check(String name, boolean passed, String detail) {
        String line() {
            return (passed ? "[ok]   " : "[MISS] ") + name + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Api server = connection.publicApi();
        Api metricsStore = new Api(connection.checked(prometheus, "--prometheus"), null, connection.insecure);
        String slug = tenant.tenant();
        long deadline = System.nanoTime() + withinSeconds * 1_000_000_000L;
        List<Check> checks = checks(server, metricsStore, slug);
        while (checks.stream().anyMatch(check -> !check.passed()) && System.nanoTime() < deadline) {
            Thread.sleep(5000);
            checks = checks(server, metricsStore, slug);
        }
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(check -> out.println(check.line()));
        long missed = checks.stream().filter(check -> !check.passed()).count();
        out.println("verify: " + (missed == 0 ? "every check passed" : missed + " missed") + " for tenant " + slug);
        out.flush();
        return missed == 0 ? Rca.OK : Rca.FAILED;
    }

    static List<Check> checks(Api server, Api prometheus, String tenant) {
        List<Check> checks = new ArrayList<>();
        String exposition;
        try {
            exposition = server.getText("metrics");
        } catch (ApiException e) {
            exposition = null;
            checks.add(new Check("/metrics answers", false, e.getMessage()));
        }
        if (exposition != null) {
            checks.addAll(metrics(exposition, tenant));
        }
        try {
            prometheus.get("api/v1/status/buildinfo");
        } catch (ApiException e) {
            checks.add(new Check("Prometheus answers at " + prometheus.base(), false, e.getMessage()));
            return checks;
        }
        checks.add(stageCounts(prometheus, tenant));
        checks.add(latency(prometheus, tenant));
        checks.add(rulesLoaded(prometheus));
        checks.add(noFiringAlerts(prometheus, tenant));
        return checks;
    }

    /** The runbook's {@code curl -s $API_HOST/metrics | grep …}: the flag's gauge at 1 and the tenant's series. */
    static List<Check> metrics(String exposition, String tenant) {
        String label = "tenant=\"" + tenant + "\"";
        double flag = Double.NaN;
        int counters = 0;
        int buckets = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.contains(label)) {
                continue;
            }
            if (line.startsWith("rca_telemetry_enhanced_metrics_enabled{")) {
                flag = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            } else if (line.startsWith("rca_pipeline_stage_total{")) {
                counters++;
            } else if (line.startsWith("rca_pipeline_stage_duration_seconds_bucket{")) {
                buckets++;
            }
        }
        return List.of(
                new Check("/metrics: telemetry_enhanced_metrics_enabled is on", flag == 1,
                        Double.isNaN(flag) ? "no rca_telemetry_enhanced_metrics_enabled series for the tenant"
                                : "rca_telemetry_enhanced_metrics_enabled = " + flag),
                new Check("/metrics: rca_pipeline_stage_total series", counters > 0, counters + " series"),
                new Check("/metrics: rca_pipeline_stage_duration_seconds series", buckets > 0,
                        buckets + " bucket series"));
    }

    /**
     * Section 3's first query: data, and a recent upload counted (a stage's success in the last 5 minutes: an upload
     * that Prometheus saw only after its ingest still shows in its later stages).
     */
    static Check stageCounts(Api prometheus, String tenant) {
        String name = "Prometheus: stage counts by stage and status, a recent upload counted";
        String promql = "sum by (stage, status) (increase(rca_pipeline_stage_total{tenant=\"" + tenant + "\"}[5m]))";
        try {
            JsonArray result = query(prometheus, promql);
            TreeMap<String, Double> counts = new TreeMap<>();
            for (JsonValue value : result) {
                JsonObject sample = value.asJsonObject();
                counts.put(label(sample, "stage") + "/" + label(sample, "status"), value(sample));
            }
            boolean counted = counts.entrySet().stream()
                    .anyMatch(count -> count.getKey().endsWith("/success") && count.getValue() > 0);
            return new Check(name, !result.isEmpty() && counted, result.isEmpty() ? "no data for " + promql
                    : formatted(counts) + (counted ? "" : " (no stage success in the last 5 minutes:"
                    + " upload one, e.g. rca sample)"));
        } catch (ApiException | RuntimeException e) {
            return new Check(name, false, problem(e));
        }
    }

    /** Section 3's second query: data, and every stage's p95 under 60 s. */
    static Check latency(Api prometheus, String tenant) {
        String name = "Prometheus: p95 by stage under " + (int) P95_LIMIT_SECONDS + " s";
        String promql = "histogram_quantile(0.95, sum by (le, stage) (rate(rca_pipeline_stage_duration_seconds_bucket"
                + "{tenant=\"" + tenant + "\"}[5m])))";
        try {
            TreeMap<String, Double> p95 = new TreeMap<>();
            for (JsonValue value : query(prometheus, promql)) {
                JsonObject sample = value.asJsonObject();
                double seconds = value(sample);
                if (!Double.isNaN(seconds)) {
                    p95.put(label(sample, "stage"), seconds);
                }
            }
            boolean under = p95.values().stream().allMatch(seconds -> seconds < P95_LIMIT_SECONDS);
            return new Check(name, !p95.isEmpty() && under, p95.isEmpty()
                    ? "no data (no stage ran for the tenant in the last 5 minutes) for " + promql
                    : formatted(p95) + (under ? "" : " (over the limit: investigate, section 5)"));
        } catch (ApiException | RuntimeException e) {
            return new Check(name, false, problem(e));
        }
    }

    /** The rule file is loaded: both alerts this checklist looks for are among Prometheus's rules. */
    static Check rulesLoaded(Api prometheus) {
        String name = "Prometheus: alert rules " + String.join(", ", ALERTS) + " loaded";
        try {
            Set<String> loaded = new TreeSet<>();
            for (JsonValue group : prometheus.get("api/v1/rules?type=alert").getJsonObject("data")
                    .getJsonArray("groups")) {
                for (JsonValue rule : group.asJsonObject().getJsonArray("rules")) {
                    loaded.add(rule.asJsonObject().getString("name"));
                }
            }
            List<String> missing = ALERTS.stream().filter(alert -> !loaded.contains(alert)).toList();
            return new Check(name, missing.isEmpty(), missing.isEmpty() ? loaded.size() + " alert rules"
                    : "missing " + missing + " (is deploy/ops/alert-rules/telemetry.yml in rule_files?)");
        } catch (ApiException | RuntimeException e) {
            return new Check(name, false, problem(e));
        }
    }

    /** Section 3's alert check: nothing firing for the tenant, nor for the whole target (no tenant label). */
    static Check noFiringAlerts(Api prometheus, String tenant) {
        String name = "Prometheus: no firing " + String.join(" or ", ALERTS) + " for the tenant";
        try {
            List<String> firing = new ArrayList<>();
            for (JsonValue value : prometheus.get("api/v1/alerts").getJsonObject("data").getJsonArray("alerts")) {
                JsonObject alert = value.asJsonObject();
                JsonObject labels = alert.getJsonObject("labels");
                String alertTenant = labels.getString("tenant", "");
                if ("firing".equals(alert.getString("state", "")) && ALERTS.contains(labels.getString("alertname"))
                        && (alertTenant.isEmpty() || alertTenant.equals(tenant))) {
                    firing.add(labels.getString("alertname") + labels);
                }
            }
            return new Check(name, firing.isEmpty(), firing.isEmpty() ? "" : "firing: " + firing);
        } catch (ApiException | RuntimeException e) {
            return new Check(name, false, problem(e));
        }
    }

    /** A refusal's message, or what was unexpected in an answer (not the shape of Prometheus's HTTP API). */
    private static String problem(Exception e) {
        return e instanceof ApiException ? e.getMessage() : "unexpected answer: " + e;
    }

    private static JsonArray query(Api prometheus, String promql) throws ApiException {
        return prometheus.get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .getJsonObject("data").getJsonArray("result");
    }

    /** A sample's value as Prometheus writes it: a number, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double value(JsonObject sample) {
        String text = sample.getJsonArray("value").getString(1);
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String label(JsonObject sample, String name) {
        return sample.getJsonObject("metric").getString(name, "");
    }

    private static String formatted(TreeMap<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((key, value) -> parts.add(key + " " + String.format(Locale.ROOT, "%.3g", value)));
        return String.join(", ", parts);
    }
}
