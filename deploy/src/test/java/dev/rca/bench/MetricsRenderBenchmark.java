package dev.rca.bench;

import dev.rca.it.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Render time and size of /metrics with many tenants' enhanced metrics on. Creates tenants bench-0000… up to the
 * requested number (those that exist are kept), switches the flag on for all tenants at once, then times GET
 * /metrics plain and gzipped. The server must allow that many tenants: -Drca.metrics.max-enhanced-tenants=...
 * Run with deploy/benchmark.sh metrics, ADMIN_TOKEN set; it switches the flag off for all tenants at the end.
 */
public final class MetricsRenderBenchmark {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Api api = new Api(base, System.getenv("ADMIN_TOKEN"));
        for (int i = 0; i < tenants; i++) {
            String slug = String.format(Locale.ROOT, "bench-%04d", i);
            Api.Response created = api.postJson("api/admin/tenants",
                    "{\"slug\": \"" + slug + "\", \"displayName\": \"Benchmark " + i + "\"}");
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException(created.toString());
            }
        }
        Api.Response on = api.putJson("api/admin/tenants/all-tenants/feature-flags",
                "{\"flags\": {\"telemetry_enhanced_metrics_enabled\": true}}");
        if (on.status() != 200) {
            throw new IllegalStateException("could not enable all tenants: " + on);
        }
        try {
            for (Rendering rendering : render(base, 3, runs)) {
                List<Double> millis = rendering.millis();
                System.out.printf(Locale.ROOT, "GET /metrics (%s), %d tenants enabled: median %.1f ms, min %.1f ms,"
                                + " max %.1f ms over %d runs; %,d bytes%s%n", rendering.encoding(), tenants,
                        millis.get(runs / 2), millis.get(0), millis.get(runs - 1), runs, rendering.bytes(),
                        rendering.encoding().equals("identity")
                                ? String.format(Locale.ROOT, ", %,d samples", rendering.samples()) : "");
            }
        } finally {
            api.putJson("api/admin/tenants/all-tenants/feature-flags",
                    "{\"flags\": {\"telemetry_enhanced_metrics_enabled\": false}}");
        }
    }

    /** One encoding's renderings: the measured runs' milliseconds, sorted; the body's size; its samples (identity). */
    record Rendering(String encoding, List<Double> millis, long bytes, long samples) {
    }

    /** Times GET /metrics {@code warmups + runs} times plain, then as many times gzipped. */
    static List<Rendering> render(URI base, int warmups, int runs) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<Rendering> renderings = new ArrayList<>();
        for (String encoding : List.of("identity", "gzip")) {
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            long samples = 0;
            for (int i = -warmups; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("metrics"))
                        .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("/metrics answered " + response.statusCode());
                }
                bytes = response.body().length;
                if (encoding.equals("identity")) {
                    samples = new String(response.body(), StandardCharsets.UTF_8).lines()
                            .filter(line -> !line.startsWith("#")).count();
                }
                if (i >= 0) {
                    millis.add(elapsed);
                }
            }
            Collections.sort(millis);
            renderings.add(new Rendering(encoding, millis, bytes, samples));
        }
        return renderings;
    }

    private MetricsRenderBenchmark() {
    }
}
