package dev.rca.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's HTTP rules against a scripted local server: the error document, non-JSON answers, 503 back-off. */
class ApiTest {

    HttpServer server;
    final List<Duration> slept = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Api api() {
        return new Api(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t0k",
                HttpClient.newHttpClient(), slept::add).withNotices(notices::add);
    }

    static void answer(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        exchange.getRequestBody().readAllBytes();
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.getResponseHeaders().add("Content-Type", contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void sendsTheTokenAsBearerAndReadsJson() throws ApiException {
        server.createContext("/api/x", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "application/json", "{\"ok\":true}");
        });
        assertEquals(true, api().get("api/x").getBoolean("ok"));
        assertEquals("Bearer t0k", seen.peek());
    }

    @Test
    void theErrorDocumentBecomesTheException() {
        server.createContext("/api/x", exchange -> answer(exchange, 413, "application/json",
                "{\"error\":\"payload_too_large\",\"message\":\"the body is over 256 MiB\","
                        + "\"details\":{\"limitBytes\":268435456}}"));
        ApiException refused = assertThrows(ApiException.class, () -> api().get("api/x"));
        assertEquals(413, refused.status());
        assertEquals("payload_too_large", refused.error());
        assertEquals("rca: refused (HTTP 413 payload_too_large): the body is over 256 MiB"
                + System.lineSeparator() + "  limitBytes: 268435456", Rca.describe(refused));
    }

    @Test
    void aProxysHtmlPageIsReportedByItsStatusAndFirstLine() {
        server.createContext("/api/x", exchange -> answer(exchange, 502, "text/html",
                "<html><body>Bad gateway</body></html>\n<p>more</p>"));
        ApiException refused = assertThrows(ApiException.class, () -> api().get("api/x"));
        assertEquals("http_502", refused.error());
        assertTrue(refused.getMessage().endsWith(": <html><body>Bad gateway</body></html>"), refused.getMessage());
    }

    @Test
    void aSuccessThatIsNotJsonSaysTheUrlIsProbablyWrong() {
        server.createContext("/api/x", exchange -> answer(exchange, 200, "text/html", "<html>welcome</html>"));
        ApiException wrong = assertThrows(ApiException.class, () -> api().get("api/x"));
        assertEquals("not_json", wrong.error());
        assertTrue(wrong.getMessage().contains("is --api the product's URL?"), wrong.getMessage());
    }

    @Test
    void aBusyServerIsAskedAgainAfterItsRetryAfterWithAFreshBody() throws ApiException {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/up", exchange -> {
            seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (calls.incrementAndGet() < 3) {
                answer(exchange, 503, "application/json", "{\"error\":\"busy\",\"message\":\"busy\"}",
                        "Retry-After", calls.get() == 1 ? "7" : "120");
            } else {
                answer(exchange, 202, "application/json", "{\"id\":\"u1\"}");
            }
        });
        AtomicInteger bodies = new AtomicInteger();
        JsonObject accepted = api().post("api/up", "text/plain",
                () -> HttpRequest.BodyPublishers.ofString("body " + bodies.incrementAndGet()));
        assertEquals("u1", accepted.getString("id"));
        assertEquals(List.of("body 1", "body 2", "body 3"), new ArrayList<>(seen));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(Api.MAX_WAIT_SECONDS)), slept,
                "the server's Retry-After, capped");
        assertEquals("server busy (HTTP 503): trying again in 7 s (attempt 2 of 5)", notices.get(0));
    }

    @Test
    void retriesAreBoundedThenTheRefusalIsReported() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/x", exchange -> {
            calls.incrementAndGet();
            answer(exchange, 503, "application/json", "{\"error\":\"service_unavailable\",\"message\":\"draining\"}");
        });
        ApiException busy = assertThrows(ApiException.class, () -> api().get("api/x"));
        assertEquals(503, busy.status());
        assertEquals(Api.ATTEMPTS, calls.get());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8)), slept, "without Retry-After: 1, 2, 4, 8 s");
    }

    @Test
    void noServerIsAClearFailure() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        ApiException unreachable = assertThrows(ApiException.class, () -> api().get("api/x"));
        assertEquals(0, unreachable.status());
        assertTrue(unreachable.getMessage().startsWith("the request to http://127.0.0.1:" + port + "/api/x failed: "),
                unreachable.getMessage());
    }
}
