package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A plain HTTP client for the API, as any caller would use it: every request carries its bearer token. */
public final class Api {

    private static final String JSON_TYPE = "application/json";

    private final HttpClient http;
    private final URI base;
    /** The whole Authorization header; null sends none. */
    private final String authorization;
    private final Duration pollInterval;

    public Api(URI base, String token) {
        this(base, token, Duration.ofMillis(100));
    }

    Api(URI base, String token, Duration pollInterval) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, "Bearer " + token,
                pollInterval);
    }

    /**
     * A client on HTTP/1.1, one connection per request in flight, as curl, httpie and log shippers upload. The JDK's
     * default, HTTP/2 over one upgraded connection, puts every upload in flight on one TCP connection and one
     * flow-control window (see deploy/wildfly/undertow.cli); the benchmarks measure the server, not that.
     */
    public static Api overHttp11(URI base, String token, Duration pollInterval) {
        return new Api(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), base, "Bearer " + token, pollInterval);
    }

    private Api(HttpClient http, URI base, String authorization, Duration pollInterval) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.pollInterval = pollInterval;
    }

    /** The same server as another caller, holding {@code token}. */
    Api withToken(String token) {
        return withAuthorization("Bearer " + token);
    }

    /** Sends {@code header} as the Authorization header as it is, malformed or not. */
    Api withAuthorization(String header) {
        return new Api(http, base, header, pollInterval);
    }

    Api withoutToken() {
        return new Api(http, base, null, pollInterval);
    }

    URI base() {
        return base;
    }

    /** The Authorization header this client sends, or null; for requests written by hand. */
    String authorization() {
        return authorization;
    }

    URI uploads(String tenant) {
        return base.resolve("api/tenants/" + tenant + "/uploads");
    }

    public Response upload(String tenant, String contentType, byte[] body) {
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

    /** {@code path} is relative to the deployment, e.g. {@code api/admin/tenants}. */
    public Response get(String path) {
        return get(base.resolve(path));
    }

    Response post(String path) {
        return send("POST", path, null, null);
    }

    public Response postJson(String path, String json) {
        return send("POST", path, JSON_TYPE, json);
    }

    public Response putJson(String path, String json) {
        return send("PUT", path, JSON_TYPE, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Any method on {@code path}; without a body when {@code body} is null. */
    Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Sends a request built by the caller, with this client's Authorization header. */
    Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls the upload's status until {@code done} holds or the deadline passes; returns the last status. */
    public JsonObject awaitUpload(URI location, Predicate<JsonObject> done, Duration deadline) {
        return await(() -> get(location).json(), done, deadline, "upload " + location);
    }

    /**
     * Polls {@code probe} at this client's interval until {@code done} holds or the deadline passes; returns the value
     * that satisfied it.
     */
    <T> T await(Supplier<T> probe, Predicate<T> done, Duration deadline, String what) {
        return Await.until(what, deadline, pollInterval, probe::get, done);
    }

    public static boolean finished(JsonObject upload) {
        return !"processing".equals(upload.getString("status"));
    }

    public record Response(int status, HttpHeaders headers, String body) {

        /** A response read by hand, e.g. off a raw socket, with no headers kept. */
        static Response of(int status, String body) {
            return new Response(status, HttpHeaders.of(Map.of(), (name, value) -> true), body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String location() {
            return header("Location");
        }

        public URI locationUri() {
            return URI.create(location());
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        List<JsonObject> jsonObjects() {
            return jsonArray().getValuesAs(JsonObject.class);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
