package dev.rca.bench;

import dev.rca.it.Api;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Time from sending a flag PUT to the change being in effect on the serving node: the PUT's answer comes after the
 * commit and the cache reload, so it is the PUT's latency; a GET right after confirms the value. Toggles the flag
 * of tenant {@code default} (and leaves it off). Prints every run and the median; never fails on a figure.
 * Run with deploy/benchmark.sh flags, ADMIN_TOKEN set.
 */
public final class FlagChangeBenchmark {

    public static void main(String[] args) {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String token = System.getenv("ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set ADMIN_TOKEN to an admin token of the server");
        }
        Api api = new Api(base, token);
        String path = "api/admin/tenants/default/feature-flags";
        List<Double> millis = new ArrayList<>();
        for (int i = -5; i < runs; i++) {
            boolean value = i % 2 == 0;
            long start = System.nanoTime();
            Api.Response put = api.putJson(path, "{\"flags\": {\"telemetry_enhanced_metrics_enabled\": " + value
                    + "}, \"reason\": \"benchmark\"}");
            double elapsed = (System.nanoTime() - start) / 1e6;
            JsonObject effective = api.get(path).json();
            if (put.status() != 200
                    || effective.getJsonObject("flags").getBoolean("telemetry_enhanced_metrics_enabled") != value) {
                throw new IllegalStateException("PUT " + put.status() + " " + put.body() + ", then GET " + effective);
            }
            if (i >= 0) {
                millis.add(elapsed);
            }
        }
        api.putJson(path, "{\"flags\": {\"telemetry_enhanced_metrics_enabled\": false}}");
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "PUT -> effective on the serving node: median %.1f ms, min %.1f ms, max %.1f ms"
                + " over %d runs%n", millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), runs);
    }

    private FlagChangeBenchmark() {
    }
}
