package dev.rca.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The product's REST API over {@code java.net.http}: JSON in and out, the token as {@code Authorization: Bearer}, the
 * server's error document turned into an {@link ApiException}. A busy server (503 with {@code Retry-After}) is asked
 * again after the time it names (at most {@link #MAX_WAIT_SECONDS} each), at most {@link #ATTEMPTS} times in all.
 */
public class Api {

    static final int ATTEMPTS = 5;
    static final long MAX_WAIT_SECONDS = 30;
    /** How long a GET or PUT may wait for its answer; an upload's POST has no such bound (its body may be large). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient client;
    private final Sleeper sleeper;
    private Consumer<String> notices = message -> { };

    /** How a retry waits; tests pass one that does not. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    Api(URI base, String token, boolean insecure) {
        this(base, token, client(insecure), duration -> Thread.sleep(duration.toMillis()));
    }

    Api(URI base, String token, HttpClient client, Sleeper sleeper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
        this.client = client;
        this.sleeper = sleeper;
    }

    /** Where the retries of a busy server are told (standard error for the commands). */
    Api withNotices(Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    public URI base() {
        return base;
    }

    public JsonObject get(String path) throws ApiException {
        return json(send(() -> request(path).timeout(ANSWER_TIMEOUT).GET().build()));
    }

    /** The answer's body unchanged, for {@code --json}. */
    public String getText(String path) throws ApiException {
        return send(() -> request(path).timeout(ANSWER_TIMEOUT).GET().build()).body();
    }

    public JsonObject put(String path, JsonObject body) throws ApiException {
        return json(send(() -> request(path).timeout(ANSWER_TIMEOUT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()));
    }

    /**
     * POSTs a body; on a 503 the supplier is asked for a fresh one (a stream's bytes are gone after the first try).
     * Not with {@code Expect: 100-continue}: with Java 17's client and a streamed body an upload then stalled
     * part-way (seen with CliIT's bundle); a refusal the server makes from the headers still arrives, after the
     * body.
     */
    public JsonObject post(String path, String contentType, Supplier<HttpRequest.BodyPublisher> body)
            throws ApiException {
        return json(send(() -> request(path).header("Content-Type", contentType).POST(body.get()).build()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(Supplier<HttpRequest> request) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request.get());
            if (response.statusCode() != 503 || attempt == ATTEMPTS) {
                return check(response);
            }
            Duration wait = retryAfter(response, attempt);
            notices.accept("server busy (HTTP 503): trying again in " + wait.toSeconds() + " s (attempt "
                    + (attempt + 1) + " of " + ATTEMPTS + ")");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return check(response);
            }
        }
    }

    /** The server's {@code Retry-After} in seconds when it sent one, else 1, 2, 4 … s; never over the cap. */
    static Duration retryAfter(HttpResponse<?> response, int attempt) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).filter(value -> value >= 0).orElse(1L << Math.min(attempt - 1, 5));
        return Duration.ofSeconds(Math.min(seconds, MAX_WAIT_SECONDS));
    }

    private HttpResponse<String> exchange(HttpRequest request) throws ApiException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(0, "unreachable", "the request to " + request.uri() + " failed: " + e,
                    JsonValue.EMPTY_JSON_OBJECT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", "interrupted while waiting for " + request.uri(),
                    JsonValue.EMPTY_JSON_OBJECT);
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> response) throws ApiException {
        if (response.statusCode() < 400) {
            return response;
        }
        JsonObject error = null;
        try {
            JsonValue value = parse(response.body());
            if (value instanceof JsonObject object) {
                error = object;
            }
        } catch (JsonParsingException e) {
            // not the product's error document (a proxy's page): reported by its status and first line below
        }
        if (error == null) {
            String body = response.body() == null ? "" : response.body().strip();
            int end = body.indexOf('\n');
            throw new ApiException(response.statusCode(), "http_" + response.statusCode(),
                    "HTTP " + response.statusCode() + " from " + response.uri()
                            + (body.isEmpty() ? "" : ": " + (end < 0 ? body : body.substring(0, end))),
                    JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue details = error.get("details");
        throw new ApiException(response.statusCode(), error.getString("error", "http_" + response.statusCode()),
                error.getString("message", "HTTP " + response.statusCode()),
                details instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static JsonObject json(HttpResponse<String> response) throws ApiException {
        try {
            JsonValue value = parse(response.body());
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonParsingException e) {
            // reported below
        }
        throw new ApiException(response.statusCode(), "not_json", "the answer from " + response.uri()
                + " is not a JSON object (is --api the product's URL?)", JsonValue.EMPTY_JSON_OBJECT);
    }

    private static JsonValue parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readValue();
        }
    }

    private static HttpClient client(boolean insecure) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (insecure) {
            builder.sslContext(trustingEveryCertificate());
        }
        return builder.build();
    }

    /** For {@code --insecure} only: a self-signed certificate of a test install. Names are still not checked. */
    private static SSLContext trustingEveryCertificate() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JRE", e);
        }
    }
}
