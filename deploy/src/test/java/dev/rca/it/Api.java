package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A plain HTTP client for the API, as any caller would use it. */
final class Api {

    static final String TENANT = "default";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration pollInterval;

    Api(URI base) {
        this(base, Duration.ofMillis(100));
    }

    Api(URI base, Duration pollInterval) {
        this.base = base;
        this.pollInterval = pollInterval;
    }

    URI uploads(String tenant) {
        return base.resolve("api/tenants/" + tenant + "/uploads");
    }

    Response upload(String tenant, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uploads(tenant))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends the body without a Content-Length, as chunked transfer encoding. */
    Response uploadChunked(String tenant, String contentType, Supplier<InputStream> body) {
        return send(HttpRequest.newBuilder(uploads(tenant))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    Response uploadForm(String tenant, String field, String fileName, byte[] content) {
        String boundary = "----rca-it-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(uploads(tenant))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Response post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls the upload's status until {@code done} holds or the deadline passes; returns the last status. */
    JsonObject awaitUpload(URI location, Predicate<JsonObject> done, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        JsonObject status;
        do {
            status = get(location).json();
            if (done.test(status)) {
                return status;
            }
            pause();
        } while (Instant.now().isBefore(end));
        throw new AssertionError("upload " + location + " did not finish within " + deadline + ": " + status);
    }

    static boolean finished(JsonObject upload) {
        return !"processing".equals(upload.getString("status"));
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Response(int status, String location, String body) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        URI locationUri() {
            return URI.create(location);
        }
    }
}
