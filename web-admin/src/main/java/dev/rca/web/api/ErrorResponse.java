package dev.rca.web.api;

import java.util.Map;

/** The one error shape of the API: a stable code, a sentence for people, and what was wrong where. */
public record ErrorResponse(String error, String message, Map<String, Object> details) {

    /** This error as the API's JSON body, for the layers that answer outside JAX-RS (error page, body guard). */
    public String toJson() {
        return JsonBinding.JSONB.toJson(this);
    }
}
