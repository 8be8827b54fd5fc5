package dev.rca.it;

import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real Prometheus (Debian's package) on 127.0.0.1, started with the shipped deploy/ops/prometheus/prometheus.yml
 * and alert rules, only the scrape and evaluation intervals shortened and the target pointed at the test server;
 * queried through its HTTP API.
 */
final class Prometheus implements AutoCloseable {

    static final String SCRAPE_INTERVAL = "1s";
    private static final int PORT = 9095 + Integer.getInteger("it.port.offset", 0);

    private final Process process;
    private final URI api = URI.create("http://127.0.0.1:" + PORT + "/");
    private final HttpClient http = HttpClient.newHttpClient();

    private Prometheus(Process process) {
        this.process = process;
    }

    static Prometheus scraping(URI application) throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("it.work.dir", "target"), "prometheus-" + System.nanoTime());
        Files.createDirectories(work);
        String config = Files.readString(Path.of(System.getProperty("it.ops.dir", "ops"), "prometheus",
                "prometheus.yml"))
                .replace("scrape_interval: 10s", "scrape_interval: " + SCRAPE_INTERVAL)
                .replace("evaluation_interval: 10s", "evaluation_interval: " + SCRAPE_INTERVAL)
                .replace("127.0.0.1:8080", application.getAuthority());
        Path file = work.resolve("prometheus.yml");
        Files.writeString(file, config);
        // Installed as an operator would: the alert rules in alert-rules/ next to prometheus.yml.
        Path ops = Path.of(System.getProperty("it.ops.dir", "ops"));
        Files.createDirectories(work.resolve("alert-rules"));
        Files.copy(ops.resolve("alert-rules/telemetry.yml"), work.resolve("alert-rules/telemetry.yml"));
        Process process = new ProcessBuilder("prometheus", "--config.file=" + file,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + PORT,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        Prometheus prometheus = new Prometheus(process);
        prometheus.awaitReady();
        prometheus.assertAlertRulesLoaded();
        return prometheus;
    }

    /** Where its HTTP API answers, for the command line's {@code verify}. */
    URI url() {
        return api;
    }

    /** The result vector of an instant query. */
    JsonArray query(String promql) {
        URI uri = api.resolve("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject body = reader.readObject();
                if (response.statusCode() != 200 || !"success".equals(body.getString("status"))) {
                    throw new AssertionError("query " + promql + " failed: " + response.body());
                }
                return body.getJsonObject("data").getJsonArray("result");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Evaluates {@code promql} until {@code done} holds for its result, or fails after the deadline. */
    JsonArray await(String promql, Predicate<List<JsonObject>> done, Duration deadline) {
        return Await.until(promql + " gives what was expected", deadline, () -> query(promql),
                result -> done.test(result.getValuesAs(JsonObject.class)));
    }

    /**
     * The runbook's "wait one scrape after enabling": until Prometheus has the tenant's six stage × status series at
     * 0, so that increase() and rate() count the uploads that follow.
     */
    /** Until the tenant's stage series are scraped: one per declared stage and status, zero-initialised. */
    void awaitZeroSeries(String tenant, Duration deadline) {
        int series = Stage.values().length * StageStatus.values().length;
        await("rca_pipeline_stage_total{tenant=\"" + tenant + "\"}", samples -> samples.size() == series, deadline);
    }

    static double value(JsonObject sample) {
        return Double.parseDouble(sample.getJsonArray("value").getString(1));
    }

    static String label(JsonObject sample, String name) {
        return sample.getJsonObject("metric").getString(name, null);
    }

    private void assertAlertRulesLoaded() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonArray groups = reader.readObject().getJsonObject("data").getJsonArray("groups");
                if (groups.isEmpty()) {
                    close();
                    throw new IllegalStateException("prometheus loaded no alert rules: " + response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitReady() throws InterruptedException {
        Await.until("prometheus is ready", Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(api.resolve("-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
