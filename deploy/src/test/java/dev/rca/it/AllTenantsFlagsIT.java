package dev.rca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.rca.it.Admin.ALL_TENANTS;
import static dev.rca.it.Admin.FLAG;
import static dev.rca.it.Flags.assertAudited;
import static dev.rca.it.Flags.assertEffective;
import static dev.rca.it.Flags.effective;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The all-tenants scope: a value set there applies to every tenant, existing ones (replacing their own setting of the
 * flag) and those created later. It is state of the whole server, so only this class changes it, and every test puts
 * it back to false, the value the other classes see.
 */
class AllTenantsFlagsIT extends AdminSession {

    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void restoreAllTenantsToFalse() {
        ok(admin.putFlag(ALL_TENANTS, false, "restored by AllTenantsFlagsIT"));
    }

    @Test
    void allTenantsValueAppliesToExistingTenantsAndToLaterOnes() {
        String own = tenant("own");
        String plain = tenant("plain");
        assertEffective(ok(admin.putFlag(own, true, "its own setting")), true, "tenant");

        JsonObject on = ok(admin.putFlag(ALL_TENANTS, true, "everyone on"));

        assertEffective(on, true, ALL_TENANTS);
        assertEffective(admin.flags(ALL_TENANTS), true, ALL_TENANTS);
        assertEffective(admin.flags(own), true, ALL_TENANTS);
        assertEffective(admin.flags(plain), true, ALL_TENANTS);
        String later = tenant("later");
        assertEffective(admin.flags(later), true, ALL_TENANTS);

        assertEffective(ok(admin.putFlag(ALL_TENANTS, false, "everyone off")), false, ALL_TENANTS);

        // false for the tenant that had its own true: that setting was replaced, not shadowed.
        for (String slug : List.of(own, plain, later)) {
            assertEffective(admin.flags(slug), false, ALL_TENANTS);
        }

        // A tenant's own setting made afterwards is that tenant's alone.
        assertEffective(ok(admin.putFlag(plain, true, "plain only")), true, "tenant");
        assertEffective(admin.flags(own), false, ALL_TENANTS);
        assertEffective(admin.flags(later), false, ALL_TENANTS);
        assertEffective(admin.flags(ALL_TENANTS), false, ALL_TENANTS);
    }

    @Test
    void allTenantsChangesAreAuditedOnceWithTheirTokenAndReason() {
        JsonObject token = admin.createAdminToken("it all-tenants operator " + suffix, null);
        Api operator = api.withToken(token.getString("token"));
        String path = Admin.flagsPath(ALL_TENANTS);
        JsonObject before = admin.flags(ALL_TENANTS);
        assertFalse(effective(before), "every test leaves the all-tenants scope at false: " + before);
        // No TELEMETRY_ENHANCED_METRICS_ENABLED in the tests' environment: never set, or set by a test here.
        assertTrue(Set.of("default", ALL_TENANTS).contains(before.getJsonObject("sources").getString(FLAG)),
                before.toString());
        // Clears the own settings other classes' tenants may have, so that replacing them adds no rows below.
        ok(admin.putFlag(ALL_TENANTS, false, "clean slate"));
        Instant from = Instant.now();

        ok(operator.putJson(path, Admin.flagRequest(true, "INC-2: on for all")));
        ok(operator.putJson(path, Admin.flagRequest(true, "INC-2: on for all, again")));
        ok(operator.putJson(path, Admin.flagRequest(false, "INC-2: rolled back")));

        Instant to = Instant.now();
        JsonObject audit = admin.audit(ALL_TENANTS, FLAG, from, to, 0, 50);
        assertEquals(2, audit.getInt("total"), audit.toString());
        assertAudited(audit.getJsonArray("entries").getJsonObject(0), null, true, false, token,
                "INC-2: rolled back", from, to);
        assertAudited(audit.getJsonArray("entries").getJsonObject(1), null, false, true, token,
                "INC-2: on for all", from, to);
    }

    @Test
    void refusedAllTenantsChangeChangesNothing() {
        String bystander = tenant("bystander");
        JsonObject before = admin.flags(ALL_TENANTS);
        JsonObject bystanderBefore = admin.flags(bystander);
        String path = Admin.flagsPath(ALL_TENANTS);
        Instant from = Instant.now();

        JsonObject unknown = Errors.assertError(api.putJson(path,
                "{\"flags\": {\"" + FLAG + "\": true, \"nope\": true}}"), 400, "unknown_flag");
        assertEquals(Json.createArrayBuilder().add(FLAG).build(), unknown.getJsonObject("details").get("known"),
                unknown.toString());
        Errors.assertError(api.putJson(path, "{\"flags\": {\"" + FLAG + "\": \"yes\"}}"), 400, "invalid_flag_value");
        Errors.assertError(api.putJson(path, "{\"flags\": [\"" + FLAG + "\"]}"), 400, "invalid_request");

        assertEquals(before, admin.flags(ALL_TENANTS));
        assertEquals(bystanderBefore, admin.flags(bystander));
        assertEquals(0, admin.audit(ALL_TENANTS, null, from, null, 0, 50).getInt("total"));
    }

    @Test
    void runbookCommandsEnableAndRollBackAllTenants() throws Exception {
        String slug = tenant("runbook-all");
        String token = admin.createAdminToken("it runbook all-tenants " + suffix, null).getString("token");

        Runbook.run(Runbook.ENABLE, api.base(), token, ALL_TENANTS);

        assertEffective(admin.flags(ALL_TENANTS), true, ALL_TENANTS);
        assertEffective(admin.flags(slug), true, ALL_TENANTS);

        Runbook.run(Runbook.ROLLBACK, api.base(), token, ALL_TENANTS);

        assertEffective(admin.flags(ALL_TENANTS), false, ALL_TENANTS);
        assertEffective(admin.flags(slug), false, ALL_TENANTS);
    }

    private String tenant(String purpose) {
        return admin.createTenant(Admin.uniqueSlug(purpose)).getString("slug");
    }

    private static JsonObject ok(Api.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }
}
