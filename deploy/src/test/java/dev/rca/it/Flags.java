package dev.rca.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.rca.it.Admin.FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the feature-flag endpoints answer, checked whole. */
final class Flags {

    private static final Set<String> AUDIT_FIELDS = Set.of("id", "changedAt", "tokenId", "tokenName", "scope",
            "tenant", "flag", "oldValue", "newValue", "reason");

    /** Every known flag, and only those, with its effective value and where that value comes from. */
    static void assertEffective(JsonObject flags, boolean value, String source) {
        assertEquals(Set.of("flags", "sources"), flags.keySet(), flags.toString());
        assertEquals(Set.of(FLAG), flags.getJsonObject("flags").keySet(), flags.toString());
        assertEquals(Set.of(FLAG), flags.getJsonObject("sources").keySet(), flags.toString());
        assertEquals(bool(value), flags.getJsonObject("flags").get(FLAG), flags.toString());
        assertEquals(source, flags.getJsonObject("sources").getString(FLAG), flags.toString());
    }

    static boolean effective(JsonObject flags) {
        JsonValue value = flags.getJsonObject("flags").get(FLAG);
        assertTrue(JsonValue.TRUE.equals(value) || JsonValue.FALSE.equals(value), "a boolean flag: " + flags);
        return JsonValue.TRUE.equals(value);
    }

    /**
     * One audit entry of a change of {@link Admin#FLAG}, made with {@code token} (as created by the admin API)
     * between {@code from} and {@code to}; {@code tenant} is null for the all-tenants scope.
     */
    static void assertAudited(JsonObject entry, String tenant, boolean oldValue, boolean newValue, JsonObject token,
                              String reason, Instant from, Instant to) {
        assertTrue(AUDIT_FIELDS.containsAll(entry.keySet()), entry.toString());
        assertEquals(JsonValue.ValueType.NUMBER, entry.get("id").getValueType(), entry.toString());
        assertEquals(tenant == null ? Admin.ALL_TENANTS : "tenant", entry.getString("scope"), entry.toString());
        if (tenant == null) {
            Admin.assertUnset(entry, "tenant");
        } else {
            assertEquals(tenant, entry.getString("tenant"), entry.toString());
        }
        assertEquals(FLAG, entry.getString("flag"), entry.toString());
        assertEquals(bool(oldValue), entry.get("oldValue"), entry.toString());
        assertEquals(bool(newValue), entry.get("newValue"), entry.toString());
        assertEquals(token.getString("id"), entry.getString("tokenId"), entry.toString());
        assertEquals(token.getString("name"), entry.getString("tokenName"), entry.toString());
        assertEquals(reason, entry.getString("reason"), entry.toString());
        // The server's clock on this machine; a second's slack for timestamps kept to the second.
        Instant changedAt = Admin.instant(entry, "changedAt");
        assertFalse(changedAt.isBefore(from.minus(Duration.ofSeconds(1))), entry + " is not before " + from);
        assertFalse(changedAt.isAfter(to.plus(Duration.ofSeconds(1))), entry + " is not after " + to);
    }

    static JsonValue bool(boolean value) {
        return value ? JsonValue.TRUE : JsonValue.FALSE;
    }

    private Flags() {
    }
}
