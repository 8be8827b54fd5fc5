package dev.rca.tokens.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as lists show it. {@code token} holds the secret only in the answer to its creation, the one time it is
 * ever shown; everywhere else it is null and left out of the JSON.
 */
@JsonbPropertyOrder({"id", "name", "kind", "tenant", "prefix", "createdAt", "expiresAt", "lastUsedAt", "revokedAt",
        "token"})
public record TokenView(UUID id, String name, String kind, String tenant, String prefix, Instant createdAt,
                        Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String token) {
}
