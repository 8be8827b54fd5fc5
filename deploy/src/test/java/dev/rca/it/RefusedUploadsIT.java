package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal answers with its status and the JSON error shape, and leaves nothing behind but one failed
 * {@code ingest} telemetry row of the tenant (none for an unknown tenant). The test server's upload limit is 16 MiB
 * (rca.upload.max-bytes in the deploy POM). Each test has a tenant of its own, so that the failed rows counted are
 * its own.
 */
class RefusedUploadsIT extends DeployedEar {

    private static final int LIMIT = 16 * 1024 * 1024;

    Admin admin;
    Admin.Tenant tenant;
    /** Holds the tenant's upload token. */
    Api api;

    @BeforeEach
    void tenant() {
        admin = new Admin(Admin.bootstrap(base));
        tenant = admin.tenant("refused");
        api = admin.uploader(tenant);
    }

    @Test
    void invalidUtf8IsRefusedWithTheOffsetAndLineOfTheFirstBadByte() throws Exception {
        byte[] valid = SampleLog.generate(5, 3 * 1024 * 1024);
        byte[] body = new byte[valid.length + 20];
        System.arraycopy(valid, 0, body, 0, valid.length);
        byte[] tail = "bad: \u00c3( tail\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, body, valid.length, tail.length);
        long badOffset = valid.length + 5;
        long badLine = valid.length == 0 ? 1 : new String(valid, StandardCharsets.UTF_8).lines().count() + 1;

        JsonObject error = assertRefused(() -> api.upload(tenant.slug(), "text/plain", body), 422, "invalid_utf8", 1);

        assertEquals(badOffset, error.getJsonObject("details").getJsonNumber("byteOffset").longValue());
        assertEquals(badLine, error.getJsonObject("details").getJsonNumber("line").longValue());
        assertTrue(error.getString("message").contains("byte offset " + badOffset), error.toString());
    }

    @Test
    void invalidUtf8InAFormIsRefusedToo() throws Exception {
        byte[] content = {'o', 'k', '\n', (byte) 0xFF, '\n'};
        JsonObject error = assertRefused(() -> api.uploadForm(tenant.slug(), "file", "bad.log", content), 422,
                "invalid_utf8", 1);
        assertEquals(3, error.getJsonObject("details").getInt("byteOffset"));
        assertEquals(2, error.getJsonObject("details").getInt("line"));
    }

    @Test
    void emptyBodyIsRefused() throws Exception {
        assertRefused(() -> api.upload(tenant.slug(), "text/plain", new byte[0]), 400, "empty_upload", 1);
    }

    @Test
    void bodyOfOnlyAByteOrderMarkIsRefused() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertRefused(() -> api.upload(tenant.slug(), "text/plain", bom), 400, "empty_upload", 1);
    }

    @Test
    void undocumentedContentTypeIsRefused() throws Exception {
        JsonObject error = assertRefused(() -> api.upload(tenant.slug(), "application/json", "{}".getBytes()), 415,
                "unsupported_media_type", 1);
        assertEquals("application/json", error.getJsonObject("details").getString("contentType"));
    }

    @Test
    void missingContentTypeIsRefused() throws Exception {
        assertRefused(() -> api.send(HttpRequest.newBuilder(api.uploads(tenant.slug()))
                .POST(HttpRequest.BodyPublishers.ofString("line\n"))), 415, "unsupported_media_type", 1);
    }

    @Test
    void formWithoutFileFieldIsRefused() throws Exception {
        assertRefused(() -> api.uploadForm(tenant.slug(), "attachment", "a.log", "line\n".getBytes()), 400,
                "missing_file_field", 1);
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        // Only the request head is sent: the answer must come from Content-Length alone, without waiting for a body.
        JsonObject error = assertRefused(() -> headOnly(LIMIT + 1L), 413, "upload_too_large", 1);
        assertEquals(LIMIT, error.getJsonObject("details").getInt("limitBytes"));
        assertEquals(LIMIT + 1, error.getJsonObject("details").getInt("receivedBytes"));
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhenTheLimitIsCrossed() throws Exception {
        byte[] body = new byte[LIMIT + 100];
        java.util.Arrays.fill(body, (byte) 'a');
        assertRefused(() -> api.uploadChunked(tenant.slug(), "text/plain", () -> new ByteArrayInputStream(body)), 413,
                "upload_too_large", 1);
    }

    @Test
    void unknownTenantIsNotFoundAndRecordsNothing() throws Exception {
        // As an admin: the tenant's upload token is for its own tenant's path only.
        Api asAdmin = admin.api();
        assertRefused(() -> asAdmin.upload("no-such-tenant", "text/plain", "line\n".getBytes()), 404,
                "unknown_tenant", 0);
    }

    @Test
    void deactivatedTenantIsRefusedEvenForAnAdminAndKeepsItsUploadsReadable() throws Exception {
        byte[] log = SampleLog.generate(6, 100 * 1024);
        // Settled first, so that the chunk stage's rows do not count as left behind by the refusals below.
        Api.Response earlier = admin.uploadSucceeded(tenant, log, Duration.ofSeconds(60));

        JsonObject deactivated = admin.deactivate(tenant.slug());
        assertFalse(deactivated.getBoolean("active"), deactivated.toString());

        byte[] line = "line\n".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> admin.api().upload(tenant.slug(), "text/plain", line), 403, "tenant_inactive", 1);
        assertRefused(() -> api.upload(tenant.slug(), "text/plain", line), 403, "tenant_inactive", 1);

        for (Api reader : List.of(api, admin.api())) {
            Api.Response status = reader.get(earlier.locationUri());
            assertEquals(200, status.status(), status.body());
            assertEquals("success", status.json().getString("status"));
        }
        Chunking.assertChunksRebuild(api, earlier.locationUri(), log);
    }

    private JsonObject assertRefused(Supplier<Api.Response> request, int status, String error, int failedRows)
            throws Exception {
        return Refusals.assertRefused(tenant.id(), request, status, error, failedRows);
    }

    /** Sends an upload's request head declaring {@code contentLength} bytes, then reads the answer, sending none. */
    private Api.Response headOnly(long contentLength) {
        URI uploads = api.uploads(tenant.slug());
        try (Socket socket = new Socket(uploads.getHost(), uploads.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uploads.getPath() + " HTTP/1.1\r\nHost: " + uploads.getAuthority()
                    + "\r\nAuthorization: " + api.authorization()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            int endOfHead = response.indexOf("\r\n\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header : response.substring(0, endOfHead).split("\r\n")) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim(), name -> new ArrayList<>())
                            .add(header.substring(colon + 1).trim());
                }
            }
            return new Api.Response(status, HttpHeaders.of(headers, (name, value) -> true),
                    response.substring(endOfHead + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
