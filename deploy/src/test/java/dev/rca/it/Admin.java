package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API as the tests use it to set themselves up: every test creates tenants of its own, under slugs no other
 * test uses, so that no test depends on another's data or on the seeded tenant.
 */
final class Admin {

    static final String FLAG = "telemetry_enhanced_metrics_enabled";
    static final String ALL_TENANTS = "all-tenants";

    /** A tenant of one test, with an upload token of its own. */
    record Tenant(String slug, UUID id, String uploadToken) {
    }

    private final Api api;

    Admin(Api api) {
        this.api = api;
    }

    /** The API as the bootstrap admin token the test server registers at start. */
    static Api bootstrap(URL base) {
        String token = System.getProperty("it.admin.token");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("system property it.admin.token (the bootstrap admin token) is not set");
        }
        try {
            return new Api(base.toURI(), token);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    /** "it-", what the tenant is for, and a random suffix: unique on a shared server and readable in its tables. */
    static String uniqueSlug(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Api api() {
        return api;
    }

    Tenant tenant(String purpose) {
        JsonObject tenant = createTenant(uniqueSlug(purpose));
        String slug = tenant.getString("slug");
        String token = createUploadToken(slug, "uploads of " + slug, null).getString("token");
        return new Tenant(slug, UUID.fromString(tenant.getString("id")), token);
    }

    /** The API as the tenant's uploader would use it, with the tenant's upload token. */
    Api uploader(Tenant tenant) {
        return api.withToken(tenant.uploadToken());
    }

    /**
     * Uploads {@code log} as text/plain with the tenant's upload token until it is accepted: again while the server
     * answers 503 (its pool still discarding connections that an earlier test's database restart killed), then
     * asserts the 202.
     */
    Api.Response uploadAccepted(Tenant tenant, byte[] log, Duration deadline) {
        Api uploader = uploader(tenant);
        Api.Response accepted = Await.until("the upload is answered other than 503", deadline,
                () -> uploader.upload(tenant.slug(), "text/plain", log), response -> response.status() != 503);
        assertEquals(202, accepted.status(), accepted.toString());
        return accepted;
    }

    /**
     * Uploads {@code log} as text/plain with the tenant's upload token, asserts the 202 and waits until the upload has
     * succeeded; returns the answer to the POST.
     */
    Api.Response uploadSucceeded(Tenant tenant, byte[] log, Duration deadline) {
        Api uploader = uploader(tenant);
        Api.Response accepted = uploadAccepted(tenant, log, deadline);
        JsonObject done = uploader.awaitUpload(accepted.locationUri(), Api::finished, deadline);
        assertEquals("success", done.getString("status"), done.toString());
        return accepted;
    }

    JsonObject createTenant(String slug) {
        Api.Response created = api.postJson("api/admin/tenants", tenantRequest(slug, "IT tenant " + slug));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    JsonObject createAdminToken(String name, Instant expiresAt) {
        Api.Response created = api.postJson("api/admin/tokens", tokenRequest(name, expiresAt));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    JsonObject createUploadToken(String slug, String name, Instant expiresAt) {
        Api.Response created = api.postJson("api/admin/tenants/" + slug + "/tokens", tokenRequest(name, expiresAt));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    void revoke(String tokenId) {
        Api.Response revoked = api.delete("api/admin/tokens/" + tokenId);
        assertEquals(204, revoked.status(), revoked.toString());
    }

    JsonObject deactivate(String slug) {
        Api.Response deactivated = api.post("api/admin/tenants/" + slug + "/deactivate");
        assertEquals(200, deactivated.status(), deactivated.toString());
        return deactivated.json();
    }

    /** The effective flags of a tenant, or of the all-tenants scope: {@code {"flags": {...}, "sources": {...}}}. */
    JsonObject flags(String tenant) {
        Api.Response flags = api.get(flagsPath(tenant));
        assertEquals(200, flags.status(), flags.toString());
        return flags.json();
    }

    Api.Response putFlag(String tenant, boolean value, String reason) {
        return api.putJson(flagsPath(tenant), flagRequest(value, reason));
    }

    /**
     * A page of the feature-flag audit, newest first; null filters are left out. Asserts the page's frame: the
     * offset and limit asked for, and as many entries as the total leaves for them.
     */
    JsonObject audit(String tenant, String flag, Instant from, Instant to, int offset, int limit) {
        StringBuilder query = new StringBuilder("api/admin/feature-flags/audit?offset=" + offset + "&limit=" + limit);
        appendParameter(query, "tenant", tenant);
        appendParameter(query, "flag", flag);
        appendParameter(query, "from", from);
        appendParameter(query, "to", to);
        Api.Response response = api.get(query.toString());
        assertEquals(200, response.status(), query + ": " + response);
        JsonObject page = response.json();
        assertEquals(offset, page.getInt("offset"), page.toString());
        assertEquals(limit, page.getInt("limit"), page.toString());
        int total = page.getInt("total");
        assertEquals(Math.max(0, Math.min(limit, total - offset)), page.getJsonArray("entries").size(),
                page.toString());
        return page;
    }

    private static void appendParameter(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    /** A timestamp of an admin API body; a missing or null one fails with the body in the message. */
    static Instant instant(JsonObject body, String key) {
        JsonValue value = body.get(key);
        assertTrue(value instanceof JsonString, key + " is an ISO-8601 timestamp in " + body);
        return Instant.parse(((JsonString) value).getString());
    }

    /** The API leaves unset fields out (docs/api.md), rather than writing them as null. */
    static void assertUnset(JsonObject body, String key) {
        assertFalse(body.containsKey(key), key + " is left out of " + body);
    }

    static String flagsPath(String tenant) {
        return "api/admin/tenants/" + tenant + "/feature-flags";
    }

    static String flagRequest(boolean value, String reason) {
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("flags", Json.createObjectBuilder().add(FLAG, value));
        if (reason != null) {
            request.add("reason", reason);
        }
        return request.build().toString();
    }

    static String tenantRequest(String slug, String displayName) {
        return Json.createObjectBuilder().add("slug", slug).add("displayName", displayName).build().toString();
    }

    static String tokenRequest(String name, Instant expiresAt) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("name", name);
        if (expiresAt != null) {
            request.add("expiresAt", expiresAt.toString());
        }
        return request.build().toString();
    }
}
