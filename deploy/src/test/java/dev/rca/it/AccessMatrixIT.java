package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what. Every endpoint against every caller that may not call it: without valid credentials (none,
 * malformed, unknown, expired, revoked) 401 everywhere, before anything else is checked; with an upload token,
 * 403 on the admin API and on other tenants' paths. Then what the callers that may, can do.
 */
class AccessMatrixIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final byte[] LINE = "line\n".getBytes();

    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** An endpoint; {@code tenant} is the tenant whose path it is, null for the admin API. */
    private record Endpoint(String method, String template, String path, String contentType, Supplier<String> body,
                            String tenant) {

        static Endpoint admin(String method, String template, String path, Supplier<String> jsonBody) {
            return new Endpoint(method, template, path, jsonBody == null ? null : "application/json", jsonBody, null);
        }

        Api.Response call(Api caller) {
            return caller.send(method, path, contentType, body == null ? null : body.get());
        }
    }

    /** A caller; {@code uploadTenant} is the tenant of its upload token, null for callers without valid ones. */
    private record Caller(String name, Api api, boolean authenticated, String uploadTenant) {
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointRefusesEveryCallerWithoutTheRight() {
        Admin.Tenant a = admin.tenant("matrix-a");
        // Expiring first, so that they have expired by the end of the set-up; a few seconds leave time to create.
        Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        String expiredAdmin = admin.createAdminToken("it matrix expired " + suffix, soon).getString("token");
        String expiredUpload = admin.createUploadToken(a.slug(), "it matrix expired " + suffix, soon)
                .getString("token");
        Admin.Tenant b = admin.tenant("matrix-b");
        // Deactivated and activated in the matrix's paths, so that a wrong answer does not disable tenant A.
        String c = admin.tenant("matrix-c").slug();
        JsonObject revokedAdmin = admin.createAdminToken("it matrix revoked " + suffix, null);
        admin.revoke(revokedAdmin.getString("id"));
        JsonObject revokedUpload = admin.createUploadToken(a.slug(), "it matrix revoked " + suffix, null);
        admin.revoke(revokedUpload.getString("id"));
        String valid = admin.createAdminToken("it matrix valid " + suffix, null).getString("token");
        // A real token with its last character changed: well-formed, but never issued.
        String unknown = valid.substring(0, valid.length() - 1) + (valid.endsWith("a") ? "b" : "a");
        String victim = admin.createAdminToken("it matrix victim " + suffix, null).getString("id");
        String upload = settledUpload(a);
        String uploadPath = "api/tenants/" + a.slug() + "/uploads/" + upload;
        awaitRefused(api.withToken(expiredAdmin), "api/admin/tenants");
        awaitRefused(api.withToken(expiredUpload), uploadPath);

        List<Endpoint> endpoints = List.of(
                Endpoint.admin("POST", "api/admin/tenants", "api/admin/tenants",
                        () -> Admin.tenantRequest(Admin.uniqueSlug("matrix-new"), "Not to be created")),
                Endpoint.admin("GET", "api/admin/tenants", "api/admin/tenants", null),
                Endpoint.admin("GET", "api/admin/tenants/{A}", "api/admin/tenants/" + a.slug(), null),
                Endpoint.admin("POST", "api/admin/tenants/{C}/deactivate", "api/admin/tenants/" + c + "/deactivate",
                        null),
                Endpoint.admin("POST", "api/admin/tenants/{C}/activate", "api/admin/tenants/" + c + "/activate", null),
                Endpoint.admin("GET", "api/admin/tenants/{C}/retention", "api/admin/tenants/" + c + "/retention", null),
                // Tenant C's, so that a wrong answer expires none of tenant A's uploads.
                Endpoint.admin("PUT", "api/admin/tenants/{C}/retention", "api/admin/tenants/" + c + "/retention",
                        () -> "{\"uploadRetentionDays\": 1}"),
                Endpoint.admin("POST", "api/admin/tenants/{A}/tokens", "api/admin/tenants/" + a.slug() + "/tokens",
                        () -> Admin.tokenRequest("it matrix not to be created", null)),
                Endpoint.admin("GET", "api/admin/tenants/{A}/tokens", "api/admin/tenants/" + a.slug() + "/tokens",
                        null),
                Endpoint.admin("POST", "api/admin/tokens", "api/admin/tokens",
                        () -> Admin.tokenRequest("it matrix not to be created", null)),
                Endpoint.admin("GET", "api/admin/tokens", "api/admin/tokens", null),
                Endpoint.admin("DELETE", "api/admin/tokens/{id}", "api/admin/tokens/" + victim, null),
                Endpoint.admin("GET", "api/admin/tenants/{A}/feature-flags", Admin.flagsPath(a.slug()), null),
                Endpoint.admin("PUT", "api/admin/tenants/{A}/feature-flags", Admin.flagsPath(a.slug()),
                        () -> Admin.flagRequest(false, "not to be applied")),
                Endpoint.admin("GET", "api/admin/tenants/all-tenants/feature-flags",
                        Admin.flagsPath(Admin.ALL_TENANTS), null),
                // false, the value the all-tenants scope has between tests, should a wrong answer apply it.
                Endpoint.admin("PUT", "api/admin/tenants/all-tenants/feature-flags",
                        Admin.flagsPath(Admin.ALL_TENANTS), () -> Admin.flagRequest(false, "not to be applied")),
                Endpoint.admin("GET", "api/admin/feature-flags/audit?tenant={A}",
                        "api/admin/feature-flags/audit?tenant=" + a.slug() + "&offset=0&limit=50", null),
                Endpoint.admin("POST", "api/admin/uploads/{upload}/redrive",
                        "api/admin/uploads/" + upload + "/redrive", null),
                Endpoint.admin("GET", "api/admin/dead-letters", "api/admin/dead-letters", null),
                Endpoint.admin("POST", "api/admin/dead-letters/redrive", "api/admin/dead-letters/redrive", null),
                new Endpoint("POST", "api/tenants/{A}/uploads", "api/tenants/" + a.slug() + "/uploads",
                        "text/plain", () -> "line\n", a.slug()),
                new Endpoint("GET", "api/tenants/{A}/uploads/{upload}", uploadPath, null, null, a.slug()),
                new Endpoint("GET", "api/tenants/{A}/uploads/{upload}/chunks", uploadPath + "/chunks", null, null,
                        a.slug()),
                // A wrong answer that deleted the upload would fail the later callers' reads too.
                new Endpoint("DELETE", "api/tenants/{A}/uploads/{upload}", uploadPath, null, null, a.slug()));
        List<Caller> callers = List.of(
                new Caller("no Authorization header", api.withoutToken(), false, null),
                new Caller("Authorization: Bearer, without a token", api.withAuthorization("Bearer"), false, null),
                new Caller("Authorization: Basic xyz", api.withAuthorization("Basic xyz"), false, null),
                new Caller("an unknown token", api.withToken(unknown), false, null),
                new Caller("an expired admin token", api.withToken(expiredAdmin), false, null),
                new Caller("a revoked admin token", api.withToken(revokedAdmin.getString("token")), false, null),
                new Caller("an expired upload token of tenant A", api.withToken(expiredUpload), false, null),
                new Caller("a revoked upload token of tenant A", api.withToken(revokedUpload.getString("token")),
                        false, null),
                new Caller("an upload token of tenant B", api.withToken(b.uploadToken()), true, b.slug()),
                new Caller("an upload token of tenant A", api.withToken(a.uploadToken()), true, a.slug()));

        return callers.stream().map(caller -> DynamicContainer.dynamicContainer(caller.name(), endpoints.stream()
                .filter(endpoint -> !caller.authenticated() || !caller.uploadTenant().equals(endpoint.tenant()))
                .map(endpoint -> caller.authenticated()
                        ? DynamicTest.dynamicTest(endpoint.method() + " /" + endpoint.template() + ": 403",
                                () -> Errors.assertForbidden(endpoint.call(caller.api())))
                        : DynamicTest.dynamicTest(endpoint.method() + " /" + endpoint.template() + ": 401",
                                () -> Errors.assertUnauthorized(endpoint.call(caller.api()))))));
    }

    @Test
    void uploadTokenMayUploadToItsTenantAndReadItsUploads() {
        Admin.Tenant tenant = admin.tenant("own");
        Api uploader = api.withToken(tenant.uploadToken());
        byte[] log = SampleLog.generate(7, 64 * 1024);

        Api.Response accepted = uploader.upload(tenant.slug(), "text/plain", log);

        assertEquals(202, accepted.status(), accepted.toString());
        JsonObject done = uploader.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        Chunking.assertChunksRebuild(uploader, accepted.locationUri(), log);
        Api.Response form = uploader.uploadForm(tenant.slug(), "file", "own.log", log);
        assertEquals(202, form.status(), form.toString());
    }

    @Test
    void adminTokenMayDoEverything() {
        // A created admin token, not only the bootstrap one, is a full admin.
        Api root = api.withToken(admin.createAdminToken("it matrix root " + suffix, null).getString("token"));
        Admin.Tenant tenant = admin.tenant("by-root");
        String tenantPath = "api/admin/tenants/" + tenant.slug();

        expect(201, root.postJson("api/admin/tenants",
                Admin.tenantRequest(Admin.uniqueSlug("by-root-new"), "Created by a new admin")));
        expect(200, root.get("api/admin/tenants"));
        expect(200, root.get(tenantPath));
        expect(201, root.postJson(tenantPath + "/tokens", Admin.tokenRequest("it matrix by root " + suffix, null)));
        expect(200, root.get(tenantPath + "/tokens"));
        Api.Response token = expect(201, root.postJson("api/admin/tokens",
                Admin.tokenRequest("it matrix short-lived " + suffix, null)));
        expect(200, root.get("api/admin/tokens"));
        expect(204, root.delete("api/admin/tokens/" + token.json().getString("id")));
        expect(200, root.get(Admin.flagsPath(tenant.slug())));
        expect(200, root.putJson(Admin.flagsPath(tenant.slug()), Admin.flagRequest(true, "an admin may")));
        expect(200, root.get(Admin.flagsPath(Admin.ALL_TENANTS)));
        expect(200, root.get("api/admin/feature-flags/audit?tenant=" + tenant.slug() + "&offset=0&limit=50"));
        // Uploads to any tenant, and reads them.
        Api.Response accepted = expect(202, root.upload(tenant.slug(), "text/plain", LINE));
        root.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        expect(200, root.get(accepted.locationUri()));
        expect(200, root.get(URI.create(accepted.location() + "/chunks")));
        expect(202, root.post("api/admin/uploads/" + accepted.json().getString("id") + "/redrive"));
        expect(200, root.post(tenantPath + "/deactivate"));
        expect(200, root.post(tenantPath + "/activate"));
    }

    @Test
    void metricsNeedNoToken() {
        Api.Response metrics = api.withoutToken().get("metrics");

        assertEquals(200, metrics.status(), metrics.toString());
        assertTrue(metrics.body().contains("rca_pipeline_queue_depth{"), "the ungated series are served: " + metrics);
    }

    private String settledUpload(Admin.Tenant tenant) {
        Api uploader = api.withToken(tenant.uploadToken());
        Api.Response accepted = uploader.upload(tenant.slug(), "text/plain", LINE);
        assertEquals(202, accepted.status(), accepted.toString());
        uploader.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        return accepted.json().getString("id");
    }

    /** Waits until the token, used on {@code path}, is refused: it expires seconds after the set-up began. */
    private void awaitRefused(Api holder, String path) {
        Errors.assertUnauthorized(api.await(() -> holder.get(path), response -> response.status() != 200,
                Duration.ofSeconds(15), "expiry of a token"));
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertEquals(status, response.status(), response.toString());
        return response;
    }
}
