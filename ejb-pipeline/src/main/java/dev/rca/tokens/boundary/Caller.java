package dev.rca.tokens.boundary;

import dev.rca.tokens.entity.TokenKind;

import java.util.UUID;

/** Who is calling: the token that authenticated the request. {@code tenantSlug} is null for admin tokens. */
public record Caller(UUID tokenId, String tokenName, TokenKind kind, UUID tenantId, String tenantSlug) {

    public boolean isAdmin() {
        return kind == TokenKind.ADMIN;
    }

    /** Whether this caller may upload to and read the uploads of the tenant named {@code slug}. */
    public boolean mayAccessTenant(String slug) {
        return isAdmin() || slug.equals(tenantSlug);
    }
}
