package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as an attacker on the open internet meets it: slow bodies, a tenant hogging the upload slots, requests
 * made to fail, a page framed or cached, a scrape without credentials. The test server runs with 4 ingest slots, 3
 * per tenant, and 127.0.0.2 as its one trusted proxy (deploy POM). Figures: docs/reliability.md.
 */
class HardeningIT extends AdminSession {

    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Pattern SLOTS_IN_USE =
            Pattern.compile("(?m)^rca_upload_slots_in_use\\{[^}]*tenant=\"([^\"]+)\"[^}]*} ([0-9.]+)$");

    @ArquillianResource
    ManagementClient management;

    /**
     * 200 connections that announce a sign-in form and send it a byte a second hold no worker thread: the
     * pages, the API and /metrics keep answering, and the server closes the slow connections once
     * rca.http.body-timeout-seconds (10 s) are over, each with one log line and no stack trace.
     */
    @Test
    void slowBodiesHangNothingAndAreCutOff() throws Exception {
        ServerLog log = ServerLog.mark();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = raw().connect(null);
                socket.getOutputStream().write(("POST /admin/sign-in.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long slowest = 0;
            for (int second = 0; second < 8; second++) {
                for (Socket socket : slow) {
                    socket.getOutputStream().write('a');
                }
                for (String path : List.of("metrics", "api/admin/tenants", "admin/sign-in.xhtml")) {
                    long started = System.nanoTime();
                    Api.Response answer = anonymous(HttpRequest.newBuilder(base.toURI().resolve(path)).GET()
                            .header("Authorization", "Bearer " + System.getProperty("it.admin.token")));
                    slowest = Math.max(slowest, System.nanoTime() - started);
                    assertEquals(200, answer.status(), path + " answers while 200 bodies trickle in");
                }
                TimeUnit.SECONDS.sleep(1);
            }
            System.out.printf("200 slow bodies: the slowest other request took %.3f s%n", slowest / 1e9);

            TimeUnit.SECONDS.sleep(4);
            long closed = slow.stream().filter(HardeningIT::closedByServer).count();
            assertEquals(200, closed, "every slow connection is closed after the body deadline");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        String written = log.since();
        assertFalse(written.contains("\tat "), "no stack trace for an aborted client:\n" + written);
        assertTrue(written.lines().filter(line -> line.contains("had not sent its body")).count() <= 200, written);
    }

    @Test
    void aBodyTooLargeToBufferOrWithoutALengthIsRefusedBeforeItIsRead() throws Exception {
        Api.Response large = raw().send(null, "POST /admin/sign-in.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nsignIn=");
        assertEquals(413, large.status());
        assertEquals("body_too_large", Json.createReader(new StringReader(large.body())).readObject()
                .getString("error"));

        Api.Response chunked = raw().send(null, "POST /api/admin/tenants HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertEquals(411, chunked.status());
        assertEquals("length_required", Json.createReader(new StringReader(chunked.body())).readObject()
                .getString("error"));
    }

    /**
     * Tenant B opens 4 uploads that trickle: it holds its 3 slots (rca_upload_slots_in_use says so) and its fourth
     * waits, so tenant A's upload still gets the node's last slot at once. Then B's trickling bodies fall below the
     * minimum data rate and are refused with 408 upload_too_slow, which frees the slots; the fourth gets one and is
     * refused the same way once its own grace is over.
     */
    @Test
    void aTenantHoldingItsSlotsWithSlowUploadsStarvesNoOtherTenant() throws Exception {
        Admin.Tenant hog = admin.tenant("slot-hog");
        Admin.Tenant victim = admin.tenant("slot-victim");
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = raw().connect(null);
                socket.getOutputStream().write(("POST /api/tenants/" + hog.slug() + "/uploads HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + hog.uploadToken() + "\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 1000000\r\n\r\nfirst line\n")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            Await.until("tenant " + hog.slug() + " holds its 3 slots", Duration.ofSeconds(10),
                    () -> slotsInUse(hog.slug()), held -> held == 3);

            long started = System.nanoTime();
            Api.Response accepted = admin.uploader(victim).upload(victim.slug(), "text/plain",
                    "twelve bytes".getBytes(StandardCharsets.US_ASCII));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("victim tenant's upload beside 4 slow uploads of another: %d in %.3f s%n",
                    accepted.status(), seconds);
            assertEquals(202, accepted.status(), accepted.body());
            assertTrue(seconds < 2, "accepted in " + seconds + " s");

            // All four trickle at once, a byte a second each, until the server answers them.
            List<Api.Response> answers = trickleUntilAnswered(slow, Duration.ofSeconds(40));
            for (Api.Response refused : answers) {
                assertEquals(408, refused.status(), refused.body());
                JsonObject error = Json.createReader(new StringReader(refused.body())).readObject();
                assertEquals("upload_too_slow", error.getString("error"));
                assertTrue(error.getString("message").contains("rca.upload.min-bytes-per-second"), refused.body());
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        Await.until("the slots are free again", Duration.ofSeconds(60), () -> slotsInUse(hog.slug()), held -> held == 0);
    }

    /** Requests made to fail get the product's own answers: no stack trace, no server or library version. */
    @Test
    void failuresAnswerTheProductsOwnPagesWithoutTracesOrVersions() throws Exception {
        Api.Response stateless = form("admin/sign-in.xhtml", "jakarta.faces.ViewState=stateless&signIn=signIn");
        assertEquals(400, stateless.status());
        assertTrue(stateless.body().contains("id=\"signIn\""), "the sign-in page: " + stateless.body());
        assertTrue(stateless.body().contains("not one this server issued"), stateless.body());
        assertNoInternals(stateless);

        String manyParameters = IntStream.range(0, 5000).mapToObj(i -> "p" + i + "=1")
                .collect(Collectors.joining("&"));
        ServerLog log = ServerLog.mark();
        Api.Response tooMany = form("admin/sign-in.xhtml", manyParameters);
        assertEquals(413, tooMany.status());
        assertTrue(tooMany.body().contains("more parameters than the server reads"), tooMany.body());
        assertNoInternals(tooMany);
        String written = log.since();
        assertFalse(written.contains("UT005023") || written.contains("\tat "), "no stack trace logged: " + written);

        Api.Response missing = anonymous(HttpRequest.newBuilder(base.toURI().resolve("no/such/page")).GET());
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("There is nothing at this address"), missing.body());
        assertNoInternals(missing);

        Api.Response apiMissing = api.get("api/no-such-resource");
        assertEquals(404, apiMissing.status());
        assertEquals("application/json", apiMissing.header("Content-Type"));
        assertNoInternals(apiMissing);

        assertEquals(404, anonymous(HttpRequest.newBuilder(base.toURI().resolve("wildfly-services")).GET()).status(),
                "no EJB over HTTP on the public port");
        assertNull(anonymous(HttpRequest.newBuilder(base.toURI().resolve("console")).GET()).location(),
                "no redirect to the management console");
    }

    /**
     * The session cookie as a browser receives it: SameSite=Lax and HttpOnly always; Secure and HSTS over TLS, be it
     * the HTTPS listener or X-Forwarded-Proto from the trusted proxy, never from anyone else.
     */
    @Test
    void theSessionCookieIsSameSiteAndSecureOverTls() throws Exception {
        String plain = raw().send(null, signInPage("")).header("Set-Cookie");
        assertTrue(plain.contains("SameSite=Lax") && plain.contains("HttpOnly"), plain);
        assertFalse(plain.toLowerCase().contains("secure"), "no Secure over plain HTTP: " + plain);

        Api.Response overTls;
        try (Socket socket = trustingEveryCertificate().getSocketFactory().createSocket(base.getHost(),
                8443 + Integer.getInteger("it.port.offset", 0))) {
            socket.setSoTimeout((int) ANSWER.toMillis());
            socket.getOutputStream().write(signInPage("").getBytes(StandardCharsets.US_ASCII));
            overTls = RawHttp.parse(socket.getInputStream().readAllBytes());
        }
        String secure = overTls.header("Set-Cookie");
        assertTrue(secure.contains("SameSite=Lax") && secure.toLowerCase().contains("secure"), secure);
        assertTrue(overTls.header("Strict-Transport-Security").contains("max-age="));

        Api.Response viaProxy = raw().send(InetAddress.getByName("127.0.0.2"), signInPage("X-Forwarded-Proto: https\r\n"));
        assertTrue(viaProxy.header("Set-Cookie").toLowerCase().contains("secure"), viaProxy.header("Set-Cookie"));
        assertNotNull(viaProxy.header("Strict-Transport-Security"));

        Api.Response forgedProxy = raw().send(null, signInPage("X-Forwarded-Proto: https\r\n"));
        assertFalse(forgedProxy.header("Set-Cookie").toLowerCase().contains("secure"),
                "X-Forwarded-Proto from a client that is not the trusted proxy is ignored");
        assertNull(forgedProxy.header("Strict-Transport-Security"));
    }

    /** Pages and API answers cannot be framed, sniffed, referred or cached; static resources stay cacheable. */
    @Test
    void everyAnswerCarriesTheBrowserHeaders() throws Exception {
        for (Api.Response answer : List.of(
                anonymous(HttpRequest.newBuilder(base.toURI().resolve("admin/sign-in.xhtml")).GET()),
                api.get("api/admin/tenants"),
                api.postJson("api/admin/tokens", Json.createObjectBuilder().add("name", "it headers").build()
                        .toString()))) {
            String policy = answer.header("Content-Security-Policy");
            assertNotNull(policy);
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"), policy);
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals("no-store", answer.header("Cache-Control"));
        }
        Api.Response stylesheet = anonymous(HttpRequest.newBuilder(base.toURI()
                .resolve("jakarta.faces.resource/admin.css.xhtml?ln=rca")).GET());
        assertEquals(200, stylesheet.status());
        assertFalse("no-store".equals(stylesheet.header("Cache-Control")), "static resources may be cached");
    }

    /** With rca.metrics.scrape-token set (here at run time, as an operator rotating it would), a scrape needs it. */
    @Test
    void aScrapeTokenClosesMetricsToEveryoneWithoutIt() throws Exception {
        URI metrics = base.toURI().resolve("metrics");
        assertEquals(200, anonymous(HttpRequest.newBuilder(metrics).GET()).status(), "open by default");
        String token = "it-scrape-" + System.nanoTime();
        systemProperty("add", token);
        try {
            Api.Response refused = anonymous(HttpRequest.newBuilder(metrics).GET());
            assertEquals(401, refused.status());
            assertEquals("unauthorized", Json.createReader(new StringReader(refused.body())).readObject()
                    .getString("error"));
            assertEquals(401, anonymous(HttpRequest.newBuilder(metrics).GET()
                    .header("Authorization", "Bearer " + token + "x")).status());
            Api.Response scraped = anonymous(HttpRequest.newBuilder(metrics).GET()
                    .header("Authorization", "Bearer " + token));
            assertEquals(200, scraped.status());
            assertTrue(scraped.body().contains("rca_uploads_received_total"));
        } finally {
            systemProperty("remove", null);
        }
        assertEquals(200, anonymous(HttpRequest.newBuilder(metrics).GET()).status());
    }

    /** One JSON error path: malformed, duplicate keys, too deep, unknown fields, absurd values are all 400s. */
    @Test
    void jsonBodiesAreReadStrictlyEverywhere() {
        Admin.Tenant tenant = admin.tenant("strict-json");
        String flags = "api/admin/tenants/" + tenant.slug() + "/feature-flags";
        Errors.assertError(api.putJson(flags, "{\"flags\":"), 400, "invalid_json");
        Errors.assertError(api.putJson(flags, "[".repeat(5000) + "]".repeat(5000)), 400, "invalid_json");
        Errors.assertError(api.putJson(flags, "{\"flags\": {}, \"flags\": {}}"), 400, "invalid_json");
        Errors.assertError(api.postJson("api/admin/tenants", "{\"slug\": \"it-dup-a\", \"slug\": \"it-dup-b\","
                + " \"displayName\": \"x\"}"), 400, "invalid_json");
        String misspelt = Admin.uniqueSlug("misspelt");
        Api.Response unknownField = api.postJson("api/admin/tenants", "{\"slug\": \"" + misspelt + "\","
                + " \"displayName\": \"x\", \"dispalyName\": \"y\"}");
        Errors.assertError(unknownField, 400, "invalid_request");
        assertEquals("dispalyName", unknownField.json().getJsonObject("details").getString("field"));
        assertEquals(404, api.get("api/admin/tenants/" + misspelt).status(), "nothing was created");
        Api.Response misspeltReason = api.putJson(flags, "{\"flags\": {}, \"reasons\": \"x\"}");
        Errors.assertError(misspeltReason, 400, "invalid_request");
        assertEquals("reasons", misspeltReason.json().getJsonObject("details").getString("field"));
        Errors.assertError(api.putJson("api/admin/tenants/" + tenant.slug() + "/retention",
                "{\"uploadRetentionDay\": 30}"), 400, "invalid_request");
        Api.Response farFuture = api.postJson("api/admin/tokens",
                "{\"name\": \"it far future\", \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}");
        Errors.assertError(farFuture, 400, "invalid_request");
        assertEquals("expiresAt", farFuture.json().getJsonObject("details").getString("field"));
    }

    /** CR, LF, escape and NUL in stored free text become U+FFFD (NUL on PostgreSQL was a 500). */
    @Test
    void freeTextIsStoredPrintable() {
        String slug = Admin.uniqueSlug("printable");
        Api.Response created = api.postJson("api/admin/tenants", Json.createObjectBuilder().add("slug", slug)
                .add("displayName", "Acme\r\nINFO forged line \u001b[31mred\u0000").build().toString());
        assertEquals(201, created.status(), created.body());
        assertEquals("Acme\uFFFD\uFFFDINFO forged line \uFFFD[31mred\uFFFD", created.json().getString("displayName"));

        Api.Response token = api.postJson("api/admin/tenants/" + slug + "/tokens",
                Json.createObjectBuilder().add("name", "ci\nbot\u0000").build().toString());
        assertEquals(201, token.status(), token.body());
        assertEquals("ci\uFFFDbot\uFFFD", token.json().getString("name"));

        admin.deactivate(slug);
        Errors.assertError(api.postJson("api/admin/tenants/" + slug + "/tokens",
                Json.createObjectBuilder().add("name", "after deactivation").build().toString()), 403, "tenant_inactive");
    }

    private void systemProperty(String operation, String value) throws IOException {
        ModelNode request = new ModelNode();
        request.get("operation").set(operation);
        request.get("address").add("system-property", "rca.metrics.scrape-token");
        if (value != null) {
            request.get("value").set(value);
        }
        ModelNode outcome = management.getControllerClient().execute(request);
        assertEquals("success", outcome.get("outcome").asString(), outcome.toString());
    }

    private int slotsInUse(String tenant) {
        Matcher sample = SLOTS_IN_USE.matcher(api.get("metrics").body());
        while (sample.find()) {
            if (sample.group(1).equals(tenant)) {
                return (int) Double.parseDouble(sample.group(2));
            }
        }
        return -1;
    }

    private static void assertNoInternals(Api.Response answer) {
        for (String internal : List.of("\tat ", "Exception", "WildFly", "Undertow", "Mojarra", "Elytron", "RESTEASY")) {
            assertFalse(answer.body().contains(internal), "'" + internal + "' in " + answer.body());
        }
    }

    private Api.Response form(String path, String body) throws Exception {
        return anonymous(HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Api.Response anonymous(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.timeout(ANSWER).build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers(), response.body());
    }

    private String signInPage(String extraHeaders) {
        return "GET /admin/sign-in.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    /** Sends a byte a second on each socket until the server has answered every one of them. */
    private static List<Api.Response> trickleUntilAnswered(List<Socket> sockets, Duration deadline)
            throws IOException, InterruptedException {
        List<ByteArrayOutputStream> answers = new ArrayList<>();
        List<Boolean> ended = new ArrayList<>();
        for (Socket socket : sockets) {
            socket.setSoTimeout(20);
            answers.add(new ByteArrayOutputStream());
            ended.add(false);
        }
        long end = System.nanoTime() + deadline.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < end && ended.contains(false)) {
            for (int i = 0; i < sockets.size(); i++) {
                if (ended.get(i)) {
                    continue;
                }
                Socket socket = sockets.get(i);
                try {
                    if (answers.get(i).size() == 0) {
                        socket.getOutputStream().write('a');
                    }
                } catch (IOException closedWhileWriting) {
                    // The server answered and closed; the answer is still to be read.
                }
                try {
                    for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                        answers.get(i).write(buffer, 0, n);
                    }
                    ended.set(i, true);
                } catch (SocketTimeoutException nothingMore) {
                    // Read again on the next round.
                } catch (IOException reset) {
                    ended.set(i, true);
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return answers.stream().map(answer -> RawHttp.parse(answer.toByteArray())).toList();
    }

    private RawHttp raw() {
        return new RawHttp(base, ANSWER);
    }

    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(200);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static SSLContext trustingEveryCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
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
        }}, null);
        return context;
    }

}
