package dev.rca.tokens.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.errors.RequestValidation;
import dev.rca.naming.PrintableText;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import dev.rca.tokens.control.TokenSecrets;
import dev.rca.tokens.entity.ApiToken;
import dev.rca.tokens.entity.TokenKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Issues, lists, revokes and checks API tokens. Secrets are shown once and stored only as hashes. */
@Stateless
public class ApiTokens {

    public static final int MAX_NAME = 100;
    /** The furthest expiry a token may be given (about ten years); further is a typo, not a plan. */
    static final Duration MAX_LIFETIME = Duration.ofDays(3653);
    /** How stale {@code last_used_at} may get: spares a database write on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantDirectory directory;

    @Inject
    RequestValidation validation;

    @EJB
    TenantLookup tenants;

    public TokenView createAdminToken(NewToken request) {
        return create(validation.check(request, NewToken.class), TokenKind.ADMIN, null);
    }

    public TokenView createUploadToken(String tenantSlug, NewToken request) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        // A deactivated tenant takes no uploads, so it gets no new token to send them with.
        TenantLookup.requireActive(tenant);
        return create(validation.check(request, NewToken.class), TokenKind.UPLOAD, tenant);
    }

    private TokenView create(NewToken request, TokenKind kind, Tenant tenant) {
        Instant now = Instant.now();
        String name = request.name();
        Instant expiresAt = request.expiresAt();
        if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "expiresAt must be at most " + MAX_LIFETIME.toDays()
                    + " days ahead; leave it out for a token that never expires", Map.of("field", "expiresAt"));
        }
        String secret = TokenSecrets.generate(kind);
        ApiToken token = new ApiToken(PrintableText.of(name.strip(), MAX_NAME), kind, tenant == null ? null : tenant.getId(),
                TokenSecrets.shownPrefix(secret), TokenSecrets.hash(secret), now, expiresAt);
        em.persist(token);
        return view(token, tenant == null ? null : tenant.getSlug(), secret);
    }

    /** Registers {@code secret} as an admin token unless a token with that secret exists; true if it registered. */
    public boolean registerAdminToken(String name, String secret) {
        String hash = TokenSecrets.hash(secret);
        if (findByHash(hash).isPresent()) {
            return false;
        }
        em.persist(new ApiToken(name, TokenKind.ADMIN, null, TokenSecrets.shownPrefix(secret), hash, Instant.now(),
                null));
        return true;
    }

    public List<TokenView> list() {
        return em.createNamedQuery(ApiToken.FIND_ALL, ApiToken.class).getResultStream()
                .map(token -> view(token, slugOf(token), null))
                .toList();
    }

    public List<TokenView> listForTenant(String tenantSlug) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        return em.createNamedQuery(ApiToken.FIND_BY_TENANT, ApiToken.class)
                .setParameter("tenantId", tenant.getId())
                .getResultStream()
                .map(token -> view(token, tenant.getSlug(), null))
                .toList();
    }

    public TokenView revoke(UUID id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_TOKEN, "there is no token " + id,
                    Map.of("token", id.toString()));
        }
        token.revoke(Instant.now());
        return view(token, slugOf(token), null);
    }

    /** The caller a presented secret stands for, if it is a known, unexpired, unrevoked token. */
    public Optional<Caller> authenticate(String secret) {
        String hash = TokenSecrets.hash(secret);
        Instant now = Instant.now();
        return findByHash(hash)
                .filter(token -> TokenSecrets.sameHash(token.getTokenHash(), hash))
                .filter(token -> token.isValidAt(now))
                .map(token -> {
                    if (token.getLastUsedAt() == null
                            || token.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                        token.usedAt(now);
                    }
                    return new Caller(token.getId(), token.getName(), token.getKind(), token.getTenantId(),
                            slugOf(token));
                });
    }

    private Optional<ApiToken> findByHash(String hash) {
        return em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    private String slugOf(ApiToken token) {
        return token.getTenantId() == null ? null : directory.slugOf(token.getTenantId());
    }

    private static TokenView view(ApiToken token, String tenantSlug, String secret) {
        return new TokenView(token.getId(), token.getName(), token.getKind().label(), tenantSlug,
                token.getTokenPrefix(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(),
                token.getRevokedAt(), secret);
    }
}
