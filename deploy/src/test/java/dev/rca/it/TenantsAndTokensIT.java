package dev.rca.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static dev.rca.it.Admin.assertUnset;
import static dev.rca.it.Admin.instant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's tenants and tokens: a tenant's lifecycle and what it refuses; a token from its one showing to its
 * revocation or expiry; and a backup of the database, which must hold no token.
 */
class TenantsAndTokensIT extends AdminSession {

    private static final String ADMIN_MARK = "rca_adm_";
    private static final String UPLOAD_MARK = "rca_up_";
    private static final Set<String> LISTED_FIELDS = Set.of("id", "name", "kind", "tenant", "prefix", "createdAt",
            "expiresAt", "lastUsedAt", "revokedAt");
    /** Always set; the others may be unset. */
    private static final Set<String> SET_FIELDS = Set.of("id", "name", "kind", "prefix", "createdAt");
    /** Timestamps come from the server's clock on this machine, possibly truncated to the second. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);
    /** lastUsedAt may be written lazily, at most once a minute. */
    private static final Duration LAST_USED_DEADLINE = Duration.ofSeconds(75);

    /** Makes the names of this test's tokens unique on the shared server. */
    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void tenantIsCreatedAndReadBack() {
        String slug = Admin.uniqueSlug("lifecycle");
        Instant before = Instant.now();

        Api.Response created = api.postJson("api/admin/tenants", Admin.tenantRequest(slug, "Lifecycle Ltd."));

        Instant after = Instant.now();
        assertEquals(201, created.status(), created.toString());
        assertNotNull(created.location(), "201 carries the tenant's Location");
        assertTrue(created.location().endsWith("/api/admin/tenants/" + slug), created.location());
        JsonObject tenant = created.json();
        assertEquals(Set.of("id", "slug", "displayName", "active", "createdAt"), tenant.keySet(), tenant.toString());
        UUID.fromString(tenant.getString("id"));
        assertEquals(slug, tenant.getString("slug"));
        assertEquals("Lifecycle Ltd.", tenant.getString("displayName"));
        assertTrue(tenant.getBoolean("active"));
        assertBetween(before, instant(tenant, "createdAt"), after);

        Api.Response read = api.get(created.locationUri());
        assertEquals(200, read.status(), read.toString());
        assertSameTenant(tenant, read.json());
        assertSameTenant(tenant, listedTenant(slug));
    }

    @Test
    void tenantIsDeactivatedAndActivatedAgain() {
        Admin.Tenant tenant = admin.tenant("toggle");
        Api uploader = api.withToken(tenant.uploadToken());

        Api.Response deactivated = api.post("api/admin/tenants/" + tenant.slug() + "/deactivate");

        assertEquals(200, deactivated.status(), deactivated.toString());
        assertFalse(deactivated.json().getBoolean("active"));
        assertEquals(tenant.id().toString(), deactivated.json().getString("id"));
        assertFalse(listedTenant(tenant.slug()).getBoolean("active"));
        Errors.assertError(uploader.upload(tenant.slug(), "text/plain", "line\n".getBytes()), 403,
                "tenant_inactive");

        Api.Response activated = api.post("api/admin/tenants/" + tenant.slug() + "/activate");

        assertEquals(200, activated.status(), activated.toString());
        assertTrue(activated.json().getBoolean("active"));
        assertTrue(api.get("api/admin/tenants/" + tenant.slug()).json().getBoolean("active"));
        Api.Response accepted = uploader.upload(tenant.slug(), "text/plain", "line\n".getBytes());
        assertEquals(202, accepted.status(), accepted.toString());
    }

    @Test
    void invalidSlugsAreRefusedAndNothingIsCreated() {
        List<String> invalid = List.of("a", "-" + suffix, "It-" + suffix, "it_" + suffix, "it " + suffix,
                "it-" + suffix + "-\u00fc", "it." + suffix, "x" + suffix + "y".repeat(64 - 1 - suffix.length()));
        for (String slug : invalid) {
            Errors.assertError(api.postJson("api/admin/tenants", Admin.tenantRequest(slug, "Invalid")), 400,
                    "invalid_slug");
        }
        Errors.assertError(api.postJson("api/admin/tenants", Admin.tenantRequest("all-tenants", "Everyone")), 400,
                "reserved_slug");

        Set<String> listed = new HashSet<>();
        for (JsonObject tenant : api.get("api/admin/tenants").jsonObjects()) {
            listed.add(tenant.getString("slug"));
        }
        for (String slug : invalid) {
            assertFalse(listed.contains(slug), slug + " was not created");
        }
        assertFalse(listed.contains("all-tenants"), "all-tenants is no tenant");
    }

    @Test
    void longestSlugStartingWithADigitIsValid() {
        String slug = "9" + suffix + "-" + "z".repeat(63 - 2 - suffix.length());
        assertEquals(63, slug.length());

        Api.Response created = api.postJson("api/admin/tenants", Admin.tenantRequest(slug, "Long"));

        assertEquals(201, created.status(), created.toString());
        assertEquals(slug, created.json().getString("slug"));
    }

    @Test
    void existingSlugIsAConflictAndTheTenantIsUnchanged() {
        JsonObject tenant = admin.createTenant(Admin.uniqueSlug("taken"));
        String slug = tenant.getString("slug");

        Errors.assertError(api.postJson("api/admin/tenants", Admin.tenantRequest(slug, "Someone else")), 409,
                "tenant_exists");

        assertSameTenant(tenant, api.get("api/admin/tenants/" + slug).json());
    }

    @Test
    void missingOrBlankDisplayNameIsRefusedAndNothingIsCreated() {
        String missing = Admin.uniqueSlug("unnamed");
        String blank = Admin.uniqueSlug("blank");

        Errors.assertError(api.postJson("api/admin/tenants", "{\"slug\": \"" + missing + "\"}"), 400,
                "invalid_request");
        Errors.assertError(api.postJson("api/admin/tenants", Admin.tenantRequest(blank, "  ")), 400,
                "invalid_request");

        Errors.assertError(api.get("api/admin/tenants/" + missing), 404, "unknown_tenant");
        Errors.assertError(api.get("api/admin/tenants/" + blank), 404, "unknown_tenant");
    }

    @Test
    void unknownTenantIsNotFoundEverywhere() {
        String slug = Admin.uniqueSlug("missing");

        Errors.assertError(api.get("api/admin/tenants/" + slug), 404, "unknown_tenant");
        Errors.assertError(api.post("api/admin/tenants/" + slug + "/deactivate"), 404, "unknown_tenant");
        Errors.assertError(api.post("api/admin/tenants/" + slug + "/activate"), 404, "unknown_tenant");
        Errors.assertError(api.get("api/admin/tenants/" + slug + "/tokens"), 404, "unknown_tenant");
        Errors.assertError(api.postJson("api/admin/tenants/" + slug + "/tokens", Admin.tokenRequest("orphan", null)),
                404, "unknown_tenant");
    }

    @Test
    void adminTokenIsShownOnceListedWithoutItAndRevoked() {
        String name = "it admin " + suffix;
        Instant before = Instant.now();

        Api.Response created = api.postJson("api/admin/tokens", Admin.tokenRequest(name, null));

        Instant after = Instant.now();
        assertEquals(201, created.status(), created.toString());
        JsonObject token = created.json();
        assertNewToken(token, name, "admin", null, ADMIN_MARK, before, after);
        assertUnset(token, "expiresAt");
        String secret = token.getString("token");
        String id = token.getString("id");
        Api holder = api.withToken(secret);
        Api.Response used = holder.get("api/admin/tenants");
        assertEquals(200, used.status(), "a new admin token is an admin: " + used);

        Api.Response list = api.get("api/admin/tokens");
        assertEquals(200, list.status(), list.toString());
        assertListedWithoutSecret(list, token);

        JsonObject usedEntry = api.await(() -> listedToken(api.get("api/admin/tokens"), id),
                entry -> entry.get("lastUsedAt") instanceof JsonString, LAST_USED_DEADLINE, "lastUsedAt of " + name);
        // Kept to the minute at most.
        assertBetween(before.truncatedTo(ChronoUnit.MINUTES), instant(usedEntry, "lastUsedAt"), Instant.now());
        assertUnset(usedEntry, "revokedAt");

        Instant revokedFrom = Instant.now();
        Api.Response revoked = api.delete("api/admin/tokens/" + id);

        assertEquals(204, revoked.status(), revoked.toString());
        assertEquals("", revoked.body());
        Errors.assertUnauthorized(holder.get("api/admin/tenants"));
        Errors.assertUnauthorized(holder.get("api/admin/tokens"));
        JsonObject revokedEntry = listedToken(api.get("api/admin/tokens"), id);
        assertBetween(revokedFrom, instant(revokedEntry, "revokedAt"), Instant.now());
    }

    @Test
    void uploadTokenBelongsToItsTenantAndIsListedThere() {
        Admin.Tenant tenant = admin.tenant("owner");
        Admin.Tenant other = admin.tenant("neighbour");
        String name = "it upload " + suffix;
        Instant before = Instant.now();

        Api.Response created = api.postJson("api/admin/tenants/" + tenant.slug() + "/tokens",
                Admin.tokenRequest(name, null));

        Instant after = Instant.now();
        assertEquals(201, created.status(), created.toString());
        JsonObject token = created.json();
        assertNewToken(token, name, "upload", tenant.slug(), UPLOAD_MARK, before, after);
        String id = token.getString("id");
        Api holder = api.withToken(token.getString("token"));
        Api.Response accepted = holder.upload(tenant.slug(), "text/plain", "line\n".getBytes());
        assertEquals(202, accepted.status(), accepted.toString());

        Api.Response tenantList = api.get("api/admin/tenants/" + tenant.slug() + "/tokens");
        assertEquals(200, tenantList.status(), tenantList.toString());
        assertListedWithoutSecret(tenantList, token);
        assertEquals(2, tenantList.jsonArray().size(), "the tenant's token from the set-up and this one");
        for (JsonObject entry : tenantList.jsonObjects()) {
            assertEquals("upload", entry.getString("kind"), entry.toString());
            assertEquals(tenant.slug(), entry.getString("tenant"), entry.toString());
        }
        Api.Response otherList = api.get("api/admin/tenants/" + other.slug() + "/tokens");
        assertEquals(1, otherList.jsonArray().size(), otherList.toString());
        assertFalse(otherList.body().contains(id), "another tenant's list does not show it");
        assertListedWithoutSecret(api.get("api/admin/tokens"), token);

        admin.revoke(id);

        Errors.assertUnauthorized(holder.upload(tenant.slug(), "text/plain", "line\n".getBytes()));
        Errors.assertUnauthorized(holder.get(accepted.locationUri()));
        assertNotNull(instant(listedToken(api.get("api/admin/tenants/" + tenant.slug() + "/tokens"), id),
                "revokedAt"));
    }

    @Test
    void invalidTokenRequestsAreRefusedAndCreateNothing() {
        Admin.Tenant tenant = admin.tenant("badtokens");
        String past = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        String name = "it refused " + suffix;
        List<String> invalid = List.of(
                "{\"name\": \"" + name + "\", \"expiresAt\": \"" + past + "\"}",
                "{\"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}",
                "{}");
        int adminTokens = api.get("api/admin/tokens").jsonArray().size();

        for (String request : invalid) {
            Errors.assertError(api.postJson("api/admin/tokens", request), 400, "invalid_request");
            Errors.assertError(api.postJson("api/admin/tenants/" + tenant.slug() + "/tokens", request), 400,
                    "invalid_request");
        }

        Api.Response all = api.get("api/admin/tokens");
        assertEquals(adminTokens, all.jsonArray().size(), "no token was created: " + all);
        assertFalse(all.body().contains(name), all.toString());
        assertEquals(1, api.get("api/admin/tenants/" + tenant.slug() + "/tokens").jsonArray().size(),
                "only the set-up's token");
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        Errors.assertError(api.delete("api/admin/tokens/" + UUID.randomUUID()), 404, "unknown_token");
    }

    @Test
    void tokenStopsWorkingWhenItExpires() {
        String name = "it expiring " + suffix;
        // A few seconds ahead: time enough to create it and use it once before it expires.
        Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        JsonObject token = admin.createAdminToken(name, expiresAt);

        assertEquals(expiresAt, instant(token, "expiresAt"));
        Api holder = api.withToken(token.getString("token"));
        Api.Response beforeExpiry = holder.get("api/admin/tenants");
        assertEquals(200, beforeExpiry.status(), "valid until " + expiresAt + ": " + beforeExpiry);
        Api.Response refused = api.await(() -> holder.get("api/admin/tenants"), response -> response.status() != 200,
                Duration.ofSeconds(15), "expiry of " + name);
        assertFalse(Instant.now().isBefore(expiresAt), "refused only once expired");
        Errors.assertUnauthorized(refused);
        assertEquals(expiresAt, instant(listedToken(api.get("api/admin/tokens"), token.getString("id")),
                "expiresAt"));
    }

    @Test
    void databaseDumpHoldsNoToken() throws Exception {
        Admin.Tenant tenant = admin.tenant("dump");
        JsonObject used = admin.createAdminToken("it dump used " + suffix, null);
        JsonObject expiring = admin.createUploadToken(tenant.slug(), "it dump expiring " + suffix,
                Instant.now().plus(1, ChronoUnit.DAYS));
        JsonObject revoked = admin.createAdminToken("it dump revoked " + suffix, null);
        admin.revoke(revoked.getString("id"));
        // Used, so that whatever a use writes (lastUsedAt, telemetry) is in the dump too.
        assertEquals(200, api.withToken(used.getString("token")).get("api/admin/tenants").status());
        assertEquals(202, api.withToken(tenant.uploadToken()).upload(tenant.slug(), "text/plain",
                "line\n".getBytes()).status());
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the tenant's upload token", tenant.uploadToken());
        secrets.put("the used admin token", used.getString("token"));
        secrets.put("the expiring upload token", expiring.getString("token"));
        secrets.put("the revoked admin token", revoked.getString("token"));
        // Nor their random parts, under another prefix or none.
        for (Map.Entry<String, String> secret : List.copyOf(secrets.entrySet())) {
            String value = secret.getValue();
            String random = value.substring(value.indexOf('_', "rca_".length()) + 1);
            secrets.put(secret.getKey() + ", its random part", random);
        }
        List<String> mustAppear = List.of(tenant.slug(), used.getString("name"), revoked.getString("name"));

        Path dump = Database.dataDump();
        try {
            assertTrue(Files.size(dump) > 0, "pg_dump wrote a dump");
            Set<String> appeared = new HashSet<>();
            Set<String> leaked = new TreeSet<>();
            // ISO-8859-1 reads any byte; tokens, slugs and names here are ASCII.
            try (BufferedReader lines = Files.newBufferedReader(dump, StandardCharsets.ISO_8859_1)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    for (String text : mustAppear) {
                        if (line.contains(text)) {
                            appeared.add(text);
                        }
                    }
                    for (Map.Entry<String, String> secret : secrets.entrySet()) {
                        if (line.contains(secret.getValue())) {
                            leaked.add(secret.getKey());
                        }
                    }
                }
            }
            assertEquals(Set.copyOf(mustAppear), appeared, "the dump holds the tenant and the tokens' rows");
            assertEquals(Set.of(), leaked, "the dump holds no token");
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private void assertNewToken(JsonObject token, String name, String kind, String tenant, String mark,
                                Instant before, Instant after) {
        Set<String> fields = new HashSet<>(LISTED_FIELDS);
        fields.add("token");
        assertTrue(fields.containsAll(token.keySet()), token.keySet().toString());
        assertTrue(token.keySet().containsAll(SET_FIELDS), token.keySet().toString());
        UUID.fromString(token.getString("id"));
        assertEquals(name, token.getString("name"));
        assertEquals(kind, token.getString("kind"));
        if (tenant == null) {
            assertUnset(token, "tenant");
        } else {
            assertEquals(tenant, token.getString("tenant"));
        }
        // Not printed: the message of a failed assertion must not show the secret either.
        String secret = token.getString("token");
        // At least 16 characters after the kind: letters, digits, and the two URL-safe Base64 adds.
        assertTrue(Pattern.matches(Pattern.quote(mark) + "[A-Za-z0-9_-]{16,}", secret),
                kind + " token is " + mark + " and at least 16 URL-safe characters");
        String prefix = token.getString("prefix");
        assertTrue(secret.startsWith(prefix), "prefix " + prefix + " is the token's beginning");
        assertTrue(prefix.length() > mark.length() && prefix.length() < secret.length(),
                "prefix " + prefix + " shows some of the random part, not all of it");
        assertBetween(before, instant(token, "createdAt"), after);
        assertUnset(token, "lastUsedAt");
        assertUnset(token, "revokedAt");
    }

    /** The token is listed as created, but never with the token itself, in the list or anywhere in its body. */
    private static void assertListedWithoutSecret(Api.Response list, JsonObject created) {
        assertEquals(200, list.status(), list.toString());
        assertFalse(list.body().contains(created.getString("token")), "the list shows no token");
        for (JsonObject entry : list.jsonObjects()) {
            assertFalse(entry.containsKey("token"), "no token field in a list: " + entry.keySet());
        }
        JsonObject entry = listedToken(list, created.getString("id"));
        assertTrue(LISTED_FIELDS.containsAll(entry.keySet()), entry.toString());
        assertTrue(entry.keySet().containsAll(SET_FIELDS), entry.toString());
        for (String field : List.of("id", "name", "kind", "tenant", "prefix")) {
            assertEquals(created.get(field), entry.get(field), field);
        }
        assertSameInstant(created, entry, "createdAt");
    }

    private static JsonObject listedToken(Api.Response list, String id) {
        assertEquals(200, list.status(), list.toString());
        List<JsonObject> matching = list.jsonObjects().stream()
                .filter(entry -> id.equals(entry.getString("id")))
                .toList();
        assertEquals(1, matching.size(), "token " + id + " is listed once");
        return matching.get(0);
    }

    private JsonObject listedTenant(String slug) {
        Api.Response list = api.get("api/admin/tenants");
        assertEquals(200, list.status(), list.toString());
        List<JsonObject> matching = list.jsonObjects().stream()
                .filter(tenant -> slug.equals(tenant.getString("slug")))
                .toList();
        assertEquals(1, matching.size(), slug + " is listed once: " + list);
        return matching.get(0);
    }

    private static void assertSameTenant(JsonObject expected, JsonObject actual) {
        for (String field : List.of("id", "slug", "displayName", "active")) {
            assertEquals(expected.get(field), actual.get(field), field + " of " + actual);
        }
        assertSameInstant(expected, actual, "createdAt");
    }

    /** The same instant, though the database may have kept it to the microsecond only. */
    private static void assertSameInstant(JsonObject expected, JsonObject actual, String field) {
        Duration difference = Duration.between(instant(expected, field), instant(actual, field)).abs();
        assertTrue(difference.toMillis() < 1, field + ": " + expected.get(field) + " and " + actual.get(field));
    }

    private static void assertBetween(Instant from, Instant instant, Instant to) {
        assertFalse(instant.isBefore(from.minus(CLOCK_TOLERANCE)), instant + " is not before " + from);
        assertFalse(instant.isAfter(to.plus(CLOCK_TOLERANCE)), instant + " is not after " + to);
    }
}
