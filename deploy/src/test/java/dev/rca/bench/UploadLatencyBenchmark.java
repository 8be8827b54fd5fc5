package dev.rca.bench;

import dev.rca.cli.SampleLog;
import dev.rca.it.Api;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Time from the POST of a generated log to its last stage, analyze, ended (status no longer {@code processing}), on a
 * running server: warm-up uploads first, then the measured ones; prints every run and the median. Never fails on a
 * figure. Run with deploy/benchmark.sh, with an admin token in the environment variable ADMIN_TOKEN; the uploads go
 * to the seeded tenant {@code default}.
 */
public final class UploadLatencyBenchmark {

    private static final String TENANT = "default";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        byte[] log = SampleLog.generate(10, megabytes * 1024 * 1024);
        System.out.printf(Locale.ROOT, "upload of %d bytes (%d MiB generated log) to %s: %d warm-up, %d measured%n",
                log.length, megabytes, base, warmups, runs);
        measure(api(base), "text/plain", log, runs, warmups);
    }

    /**
     * An HTTP/1.1 API client with the admin token of ADMIN_TOKEN, polling every 5 ms: a figure is at most that much
     * late.
     */
    static Api api(URI base) {
        String token = System.getenv("ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set ADMIN_TOKEN to an admin token of the server");
        }
        return Api.overHttp11(base, token, Duration.ofMillis(5));
    }

    /** Uploads {@code body} {@code warmups + runs} times, printing each run and the median of the measured ones. */
    static void measure(Api api, String contentType, byte[] body, int runs, int warmups) {
        List<Double> totals = new ArrayList<>();
        for (int i = -warmups; i < runs; i++) {
            long start = System.nanoTime();
            Api.Response accepted = api.upload(TENANT, contentType, body);
            long acceptedAt = System.nanoTime();
            if (accepted.status() != 202) {
                throw new IllegalStateException("upload refused: " + accepted.status() + " " + accepted.body());
            }
            JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, Duration.ofMinutes(2));
            long end = System.nanoTime();
            double total = (end - start) / 1e9;
            StringBuilder stages = new StringBuilder();
            for (JsonObject stage : done.getJsonArray("stages").getValuesAs(JsonObject.class)) {
                stages.append(stage.getString("stage")).append(' ')
                        .append(stage.getJsonNumber("durationMs").longValue()).append(" ms, ");
            }
            System.out.printf(Locale.ROOT, "%s %d: POST->analysed %.3f s (202 after %.3f s; %sin the server; %s)%n",
                    i < 0 ? "warm-up" : "run", Math.abs(i < 0 ? i : i + 1), total, (acceptedAt - start) / 1e9, stages,
                    done.getString("status"));
            if (i >= 0) {
                totals.add(total);
            }
        }
        Collections.sort(totals);
        System.out.printf(Locale.ROOT, "median %.3f s, min %.3f s, max %.3f s over %d runs%n",
                totals.get(totals.size() / 2), totals.get(0), totals.get(totals.size() - 1), totals.size());
    }

    private UploadLatencyBenchmark() {
    }
}
