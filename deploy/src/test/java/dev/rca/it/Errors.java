package dev.rca.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's one error shape, checked whole: status, code, a sentence for people, and the details object. */
final class Errors {

    static JsonObject assertError(Api.Response response, int status, String error) {
        assertEquals(status, response.status(), response.toString());
        String type = response.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), "errors are JSON, not " + type);
        JsonObject body = response.json();
        assertEquals(Set.of("error", "message", "details"), body.keySet(), body.toString());
        assertEquals(error, body.getString("error"), body.toString());
        assertFalse(body.getString("message").isBlank(), "a sentence says what was wrong: " + body);
        assertEquals(JsonValue.ValueType.OBJECT, body.get("details").getValueType(), body.toString());
        return body;
    }

    /** 401, whatever was wrong with the credentials, with the challenge that says which scheme to use. */
    static JsonObject assertUnauthorized(Api.Response response) {
        JsonObject body = assertError(response, 401, "unauthorized");
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"), "WWW-Authenticate: " + challenge);
        return body;
    }

    static JsonObject assertForbidden(Api.Response response) {
        return assertError(response, 403, "forbidden");
    }

    private Errors() {
    }
}
