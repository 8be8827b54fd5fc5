package dev.rca.flags.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.flags.control.FlagCache;
import dev.rca.flags.control.FlagChanges;
import dev.rca.flags.control.FlagSnapshot;
import dev.rca.flags.control.FlagValues;
import dev.rca.flags.entity.FeatureFlag;
import dev.rca.flags.entity.FlagAuditEntry;
import dev.rca.naming.PrintableText;
import dev.rca.paging.FilteredPage;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import dev.rca.tokens.boundary.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and changes feature flags for one tenant or for {@code all-tenants}: the one service behind the admin API
 * and the admin UI. A change is validated whole before anything is written, committed with its audit rows, and
 * loaded into this node's cache before the call returns.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeatureFlags {

    static final int MAX_REASON = 500;
    static final List<String> BODY_FIELDS = List.of("flags", "reason");

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantDirectory directory;

    @EJB
    TenantLookup tenants;

    @EJB
    FlagChanges changes;

    @EJB
    FlagCache cache;

    @Inject
    @ConfigProperty(name = "rca.metrics.max-enhanced-tenants")
    int maxEnhancedTenants;

    public FlagSet get(String scope) {
        FlagSnapshot snapshot = cache.snapshot();
        return view(isAllTenants(scope) ? snapshot.allTenants() : snapshot.forTenant(tenants.bySlug(scope).getId()));
    }

    /** Applies {@code {"flags": {...}, "reason": "..."}} to the scope and returns its effective flags. */
    public FlagSet put(String scope, JsonObject body, Caller caller) {
        Map<FeatureFlag, JsonValue> values = validate(body);
        String reason = reason(body);
        FlagChanges.Author author = new FlagChanges.Author(caller.tokenId(), caller.tokenName());
        Tenant tenant = isAllTenants(scope) ? null : tenants.bySlug(scope);
        checkEnhancedMetricsLimit(tenant, values.get(FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED));
        if (tenant == null) {
            changes.applyToAllTenants(values, reason, author);
        } else {
            changes.applyToTenant(tenant, values, reason, author);
        }
        cache.reload();
        return get(scope);
    }

    public AuditPage audit(String scope, String flag, Instant from, Instant to, int offset, int limit) {
        boolean allTenants = scope != null && isAllTenants(scope);
        FilteredPage filtered = new FilteredPage(offset, limit)
                .filter("a.scope = :scope", "scope", allTenants ? FlagAuditEntry.SCOPE_ALL_TENANTS : null)
                .filter("a.tenantId = :tenantId", "tenantId",
                        scope == null || allTenants ? null : tenants.bySlug(scope).getId())
                .filter("a.flag = :flag", "flag", flag)
                .filter("a.changedAt >= :from", "from", from)
                .filter("a.changedAt < :to", "to", to);
        Map<UUID, String> slugs = directory.slugs();
        List<AuditPage.Entry> entries = new ArrayList<>();
        for (FlagAuditEntry entry : filtered.rows(em, "SELECT a FROM FlagAuditEntry a", "a.changedAt DESC, a.id DESC",
                FlagAuditEntry.class)) {
            entries.add(new AuditPage.Entry(entry.getId(), entry.getChangedAt(), entry.getTokenId(),
                    entry.getTokenName(), entry.getScope(),
                    entry.getTenantId() == null ? null : slugOrId(slugs, entry.getTenantId()), entry.getFlag(),
                    plain(entry.getOldValue()), plain(entry.getNewValue()), entry.getReason()));
        }
        return new AuditPage(filtered.count(em, "SELECT COUNT(a) FROM FlagAuditEntry a"), offset, limit, entries);
    }

    /**
     * Each tenant with enhanced metrics adds about 10 series per stage; past the configured number of tenants an
     * enable is refused rather than letting Prometheus' cardinality grow unnoticed. {@code tenant} null: all tenants.
     */
    private void checkEnhancedMetricsLimit(Tenant tenant, JsonValue enhanced) {
        if (enhanced != JsonValue.TRUE) {
            return;
        }
        FlagSnapshot snapshot = cache.snapshot();
        long after;
        if (tenant == null) {
            after = snapshot.tenants().size();
        } else {
            long others = snapshot.tenants().keySet().stream()
                    .filter(id -> !id.equals(tenant.getId()))
                    .filter(id -> snapshot.isTrue(id, FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED))
                    .count();
            after = others + 1;
        }
        if (after > maxEnhancedTenants) {
            throw new BusinessException(ErrorCode.ENHANCED_METRICS_LIMIT, "enabling " + FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED.key() + " here would put "
                            + after + " tenants over the limit of " + maxEnhancedTenants
                            + " (rca.metrics.max-enhanced-tenants)",
                    Map.of("limit", maxEnhancedTenants, "tenantsAfter", after));
        }
    }

    private static Map<FeatureFlag, JsonValue> validate(JsonObject body) {
        JsonValue flags = body == null ? null : body.get("flags");
        if (flags == null || flags.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "the body must be {\"flags\": {\"<name>\": <value>, ...}}", Map.of("field", "flags"));
        }
        for (String key : body.keySet()) {
            if (!BODY_FIELDS.contains(key)) {
                throw new BusinessException(ErrorCode.INVALID_REQUEST, "unknown field '" + key + "'; the body takes "
                        + String.join(", ", BODY_FIELDS), Map.of("field", key));
            }
        }
        Map<FeatureFlag, JsonValue> values = new EnumMap<>(FeatureFlag.class);
        for (Map.Entry<String, JsonValue> entry : flags.asJsonObject().entrySet()) {
            FeatureFlag flag = FeatureFlag.byKey(entry.getKey()).orElseThrow(() -> new BusinessException(ErrorCode.UNKNOWN_FLAG, "unknown flag '" + entry.getKey() + "'; known flags: "
                    + FeatureFlag.keys(), Map.of("flag", entry.getKey(), "known", FeatureFlag.keys())));
            if (!flag.type().accepts(entry.getValue())) {
                throw new BusinessException(ErrorCode.INVALID_FLAG_VALUE, "flag '" + flag.key() + "' takes a " + flag.type().label() + ", not " + entry.getValue(),
                        Map.of("flag", flag.key(), "expected", flag.type().label(),
                                "value", entry.getValue().toString()));
            }
            values.put(flag, entry.getValue());
        }
        return values;
    }

    private static String reason(JsonObject body) {
        JsonValue reason = body.get("reason");
        if (reason == null || reason == JsonValue.NULL) {
            return null;
        }
        if (reason.getValueType() != JsonValue.ValueType.STRING
                || ((JsonString) reason).getString().length() > MAX_REASON) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "reason must be a string of at most " + MAX_REASON + " characters", Map.of("field", "reason"));
        }
        return PrintableText.of(((JsonString) reason).getString(), MAX_REASON);
    }

    private static boolean isAllTenants(String scope) {
        return TenantAdministration.ALL_TENANTS.equals(scope);
    }

    private static FlagSet view(Map<FeatureFlag, FlagSnapshot.Value> effective) {
        Map<String, Object> flags = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (FeatureFlag flag : FeatureFlag.values()) {
            FlagSnapshot.Value value = effective.get(flag);
            flags.put(flag.key(), FlagValues.plain(value.value()));
            sources.put(flag.key(), value.source().label());
        }
        return new FlagSet(flags, sources);
    }

    private static Object plain(String stored) {
        return stored == null ? null : FlagValues.plain(FlagValues.parse(stored));
    }

    private static String slugOrId(Map<UUID, String> slugs, UUID tenantId) {
        return slugs.getOrDefault(tenantId, tenantId.toString());
    }
}
