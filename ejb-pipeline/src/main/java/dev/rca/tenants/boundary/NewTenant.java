package dev.rca.tenants.boundary;

import dev.rca.errors.ErrorPayload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tenant to create, as the API and the admin UI send it. */
public record NewTenant(
        @NotNull(payload = ErrorPayload.InvalidSlug.class, message = "is required")
        @Pattern(regexp = TenantAdministration.SLUG_PATTERN, payload = ErrorPayload.InvalidSlug.class,
                message = "must match " + TenantAdministration.SLUG_PATTERN
                        + " (lower-case letters, digits and '-', 2 to 63 characters)")
        String slug,
        @NotBlank(message = "is required, at most " + TenantAdministration.MAX_DISPLAY_NAME + " characters")
        @Size(max = TenantAdministration.MAX_DISPLAY_NAME,
                message = "is required, at most " + TenantAdministration.MAX_DISPLAY_NAME + " characters")
        String displayName) {
}
