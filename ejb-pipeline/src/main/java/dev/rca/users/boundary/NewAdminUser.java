package dev.rca.users.boundary;

import dev.rca.errors.ErrorPayload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin UI user to register (from the environment at start-up). */
public record NewAdminUser(
        @NotNull(payload = ErrorPayload.InvalidUsername.class, message = "is required")
        @Pattern(regexp = AdminUsers.USERNAME_PATTERN, payload = ErrorPayload.InvalidUsername.class,
                message = "must match " + AdminUsers.USERNAME_PATTERN)
        String username,
        @NotNull(payload = ErrorPayload.WeakPassword.class, message = "is required")
        @Size(min = AdminUsers.MIN_PASSWORD, payload = ErrorPayload.WeakPassword.class,
                message = "must have at least " + AdminUsers.MIN_PASSWORD + " characters")
        char[] password) {
}
