package dev.rca.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An API token, kept only as its SHA-256 hash and a short prefix to recognise it by. */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.FIND_BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ApiToken.FIND_ALL, query = "SELECT t FROM ApiToken t ORDER BY t.createdAt")
@NamedQuery(name = ApiToken.FIND_BY_TENANT,
        query = "SELECT t FROM ApiToken t WHERE t.tenantId = :tenantId ORDER BY t.createdAt")
public class ApiToken {

    public static final String FIND_BY_HASH = "ApiToken.findByHash";
    public static final String FIND_ALL = "ApiToken.findAll";
    public static final String FIND_BY_TENANT = "ApiToken.findByTenant";

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TokenKind kind;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "token_prefix", nullable = false, length = 16)
    private String tokenPrefix;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(String name, TokenKind kind, UUID tenantId, String tokenPrefix, String tokenHash,
                    Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.kind = kind;
        this.tenantId = tenantId;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isValidAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public void usedAt(Instant at) {
        lastUsedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TokenKind getKind() {
        return kind;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
