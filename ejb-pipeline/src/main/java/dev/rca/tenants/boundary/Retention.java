package dev.rca.tenants.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How long a tenant's uploads are kept ({@code GET/PUT /api/admin/tenants/{t}/retention}): null for "until deleted
 * by hand", the default. The sweep deletes an upload once it is older than this many days.
 */
@JsonbNillable
public record Retention(
        @Min(value = 1, message = "must be at least 1 (or null: keep uploads until deleted)")
        @Max(value = Retention.MAX_DAYS, message = "must be at most " + Retention.MAX_DAYS)
        Integer uploadRetentionDays) {

    /** A hundred years: more is a typo, not a policy. */
    public static final int MAX_DAYS = 36500;
}
