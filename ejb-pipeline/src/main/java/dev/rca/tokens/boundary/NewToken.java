package dev.rca.tokens.boundary;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A token to create, as the API and the admin UI send it; without {@code expiresAt} it never expires. */
public record NewToken(
        @NotBlank(message = "is required, at most " + ApiTokens.MAX_NAME + " characters")
        @Size(max = ApiTokens.MAX_NAME, message = "is required, at most " + ApiTokens.MAX_NAME + " characters")
        String name,
        @Future(message = "must be in the future")
        Instant expiresAt) {
}
