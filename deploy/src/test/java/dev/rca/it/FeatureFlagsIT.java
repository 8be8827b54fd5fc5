package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.rca.it.Admin.ALL_TENANTS;
import static dev.rca.it.Admin.FLAG;
import static dev.rca.it.Flags.assertAudited;
import static dev.rca.it.Flags.assertEffective;
import static dev.rca.it.Flags.effective;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A tenant's own feature flags: set and read back, refusals that change nothing, one audit row per change, and the
 * runbook's httpie commands. The all-tenants scope belongs to AllTenantsFlagsIT; a tenant without a setting of its
 * own is compared here with whatever that scope shows, never with a fixed source.
 */
class FeatureFlagsIT extends AdminSession {

    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void tenantWithoutASettingOfItsOwnHasTheAllTenantsValues() {
        String slug = tenant("fresh");

        JsonObject flags = admin.flags(slug);

        effective(flags);
        assertEquals(admin.flags(ALL_TENANTS), flags, "the same values, from the same sources");
        assertNotEquals("tenant", flags.getJsonObject("sources").getString(FLAG));
    }

    @Test
    void tenantSettingIsAppliedToThatTenantOnly() {
        String slug = tenant("own");
        String neighbour = tenant("neighbour");

        Api.Response on = admin.putFlag(slug, true, null);

        assertEquals(200, on.status(), on.toString());
        assertEffective(on.json(), true, "tenant");
        assertEffective(admin.flags(slug), true, "tenant");
        assertEquals(admin.flags(ALL_TENANTS), admin.flags(neighbour), "the neighbour keeps the all-tenants values");

        Api.Response off = admin.putFlag(slug, false, null);

        assertEquals(200, off.status(), off.toString());
        assertEffective(off.json(), false, "tenant");
        assertEffective(admin.flags(slug), false, "tenant");
    }

    @Test
    void refusedChangesChangeNothingAndAreNotAudited() {
        String slug = tenant("refused");
        String path = Admin.flagsPath(slug);
        JsonObject before = admin.flags(slug);

        // The valid half of the request is not applied either.
        JsonObject unknown = Errors.assertError(api.putJson(path,
                "{\"flags\": {\"" + FLAG + "\": " + !effective(before) + ", \"nope\": true}}"), 400, "unknown_flag");
        assertEquals(Json.createArrayBuilder().add(FLAG).build(), unknown.getJsonObject("details").get("known"),
                unknown.toString());
        for (String value : List.of("\"yes\"", "1", "0", "\"true\"", "[true]", "{\"enabled\": true}")) {
            Errors.assertError(api.putJson(path, "{\"flags\": {\"" + FLAG + "\": " + value + "}}"), 400,
                    "invalid_flag_value");
        }
        for (String request : List.of("{}", "{\"reason\": \"no flags\"}", "{\"flags\": null}", "{\"flags\": true}",
                "{\"flags\": [\"" + FLAG + "\"]}", "{\"flags\": \"" + FLAG + "=true\"}")) {
            Errors.assertError(api.putJson(path, request), 400, "invalid_request");
        }
        Errors.assertError(admin.putFlag(Admin.uniqueSlug("missing"), true, null), 404, "unknown_tenant");

        assertEquals(before, admin.flags(slug), "nothing changed");
        assertEquals(0, admin.audit(slug, null, null, null, 0, 50).getInt("total"), "nothing was audited");
    }

    @Test
    void everyChangeIsAuditedOnceWithItsTokenAndReason() {
        String slug = tenant("audited");
        JsonObject token = admin.createAdminToken("it flags operator " + suffix, null);
        Api operator = api.withToken(token.getString("token"));
        String path = Admin.flagsPath(slug);
        // Normally false: turned on, on again (no change, so no row), then rolled back.
        boolean initial = effective(admin.flags(slug));
        Instant from = Instant.now();

        assertEffective(ok(operator.putJson(path, Admin.flagRequest(!initial, "INC-1: on"))), !initial, "tenant");
        assertEffective(ok(operator.putJson(path, Admin.flagRequest(!initial, "INC-1: on again"))), !initial,
                "tenant");
        assertEffective(ok(operator.putJson(path, Admin.flagRequest(initial, "INC-1: rolled back"))), initial,
                "tenant");

        Instant to = Instant.now();
        JsonObject audit = admin.audit(slug, FLAG, null, null, 0, 50);
        assertEquals(2, audit.getInt("total"), audit.toString());
        JsonObject newest = audit.getJsonArray("entries").getJsonObject(0);
        JsonObject oldest = audit.getJsonArray("entries").getJsonObject(1);
        assertAudited(newest, slug, !initial, initial, token, "INC-1: rolled back", from, to);
        assertAudited(oldest, slug, initial, !initial, token, "INC-1: on", from, to);
        assertNotEquals(oldest.get("id"), newest.get("id"));
        assertFalse(Admin.instant(newest, "changedAt").isBefore(Admin.instant(oldest, "changedAt")),
                "newest first: " + audit);
    }

    @Test
    void auditIsFilteredByTenantFlagAndTime() {
        String first = tenant("audit-first");
        String second = tenant("audit-second");
        boolean firstInitial = effective(admin.flags(first));
        boolean secondInitial = effective(admin.flags(second));
        Instant t0 = Instant.now();
        ok(admin.putFlag(first, !firstInitial, "first, on"));
        // Taken between two changes: the first was committed before its answer, the next begins after this.
        Instant t1 = Instant.now();
        ok(admin.putFlag(second, !secondInitial, "second, on"));
        ok(admin.putFlag(first, firstInitial, "first, back"));
        Instant t2 = Instant.now();

        JsonObject byTenant = admin.audit(first, null, null, null, 0, 50);
        assertEquals(2, byTenant.getInt("total"), byTenant.toString());
        for (JsonObject entry : byTenant.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            assertEquals(first, entry.getString("tenant"), entry.toString());
        }
        assertEquals(1, admin.audit(second, null, null, null, 0, 50).getInt("total"));
        assertEquals(2, admin.audit(first, FLAG, null, null, 0, 50).getInt("total"));

        JsonObject early = admin.audit(first, FLAG, t0, t1, 0, 50);
        assertEquals(1, early.getInt("total"), early.toString());
        assertEquals("first, on", early.getJsonArray("entries").getJsonObject(0).getString("reason"));
        JsonObject late = admin.audit(first, FLAG, t1, t2, 0, 50);
        assertEquals(1, late.getInt("total"), late.toString());
        assertEquals("first, back", late.getJsonArray("entries").getJsonObject(0).getString("reason"));
        assertEquals(0, admin.audit(second, FLAG, t0, t1, 0, 50).getInt("total"));
        assertEquals(0, admin.audit(first, null, t2, null, 0, 50).getInt("total"), "from only");
        assertEquals(0, admin.audit(first, null, null, t0, 0, 50).getInt("total"), "to only");

        // Without a tenant filter, every tenant's changes in the window; only this test changes flags in it.
        JsonObject window = admin.audit(null, FLAG, t0, t2, 0, 50);
        long ours = window.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(entry -> List.of(first, second).contains(entry.getString("tenant", null)))
                .count();
        assertEquals(3, ours, window.toString());

        JsonObject secondPage = admin.audit(first, FLAG, null, null, 1, 1);
        assertEquals(2, secondPage.getInt("total"), secondPage.toString());
        assertEquals("first, on", secondPage.getJsonArray("entries").getJsonObject(0).getString("reason"),
                "page two of one-entry pages is the older change");
    }

    @Test
    void runbookCommandsEnableAndRollBackATenant() throws Exception {
        String slug = tenant("runbook");
        JsonObject token = admin.createAdminToken("it runbook " + suffix, null);

        Runbook.run(Runbook.ENABLE, api.base(), token.getString("token"), slug);

        assertEffective(admin.flags(slug), true, "tenant");

        Runbook.run(Runbook.ROLLBACK, api.base(), token.getString("token"), slug);

        assertEffective(admin.flags(slug), false, "tenant");
        JsonObject audit = admin.audit(slug, FLAG, null, null, 0, 50);
        assertEquals(2, audit.getInt("total"), audit.toString());
        for (JsonObject entry : audit.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            assertEquals(token.getString("name"), entry.getString("tokenName"), entry.toString());
        }
    }

    private String tenant(String purpose) {
        return admin.createTenant(Admin.uniqueSlug(purpose)).getString("slug");
    }

    private static JsonObject ok(Api.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }
}
