package dev.rca.telemetry.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.BusinessException.Kind;
import dev.rca.flags.control.FlagCache;
import dev.rca.flags.control.FlagSnapshot;
import dev.rca.flags.entity.FeatureFlag;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.telemetry.control.QueueDepths;
import dev.rca.telemetry.entity.UploadTelemetryEventRecord;
import dev.rca.tenants.control.Tenants;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads {@code upload_telemetry_events} for the admin UI: filtered pages, and the last hour's health per stage. */
@Stateless
public class TelemetryEvents {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    Tenants tenants;

    @EJB
    FlagCache flags;

    @Inject
    QueueDepths queueDepths;

    /** Null filters match everything; newest first. */
    public TelemetryPage page(String tenantSlug, String stage, String status, Instant from, Instant to, int offset,
                              int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new BusinessException(Kind.BAD_REQUEST, "invalid_page",
                    "offset must be >= 0 and limit between 1 and " + MAX_PAGE, Map.of("offset", offset, "limit", limit));
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (tenantSlug != null) {
            where.append(" AND e.tenantId = :tenantId");
            parameters.put("tenantId", tenants.bySlug(tenantSlug).getId());
        }
        if (stage != null) {
            where.append(" AND e.stage = :stage");
            parameters.put("stage", stage);
        }
        if (status != null) {
            where.append(" AND e.status = :status");
            parameters.put("status", status);
        }
        if (from != null) {
            where.append(" AND e.createdAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" AND e.createdAt < :to");
            parameters.put("to", to);
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM UploadTelemetryEventRecord e" + where,
                Long.class);
        TypedQuery<UploadTelemetryEventRecord> page = em.createQuery(
                "SELECT e FROM UploadTelemetryEventRecord e" + where + " ORDER BY e.createdAt DESC, e.id DESC",
                UploadTelemetryEventRecord.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        Map<UUID, String> slugs = flags.snapshot().tenantSlugs();
        List<TelemetryPage.Event> events = page.setFirstResult(offset).setMaxResults(limit).getResultStream()
                .map(e -> new TelemetryPage.Event(e.getId(), e.getCreatedAt(),
                        slugs.getOrDefault(e.getTenantId(), e.getTenantId().toString()), e.getUploadId(),
                        e.getStage(), e.getStatus(), e.getDurationMs(), e.getMetadata()))
                .toList();
        return new TelemetryPage(count.getSingleResult(), offset, limit, events);
    }

    /** Per stage, the outcomes and p95 duration of the last {@code window}; queue depths; enhanced-metrics tenants. */
    public Overview overview(Duration window) {
        Instant since = Instant.now().minus(window);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT e.stage, e.status, COUNT(e) FROM UploadTelemetryEventRecord e"
                        + " WHERE e.createdAt >= :since GROUP BY e.stage, e.status", Object[].class)
                .setParameter("since", since)
                .getResultList()) {
            counts.computeIfAbsent((String) row[0], stage -> new HashMap<>()).put((String) row[1], (Long) row[2]);
        }
        // PERCENTILE_CONT ... WITHIN GROUP is the same SQL on PostgreSQL and H2; JPQL has no percentile.
        Map<String, Double> p95 = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> percentiles = em.createNativeQuery("SELECT stage, PERCENTILE_CONT(0.95) WITHIN GROUP"
                        + " (ORDER BY duration_ms) FROM upload_telemetry_events WHERE created_at >= ?1 GROUP BY stage")
                .setParameter(1, since)
                .getResultList();
        for (Object[] row : percentiles) {
            p95.put((String) row[0], row[1] == null ? null : ((Number) row[1]).doubleValue());
        }
        List<Overview.StageHealth> stages = Arrays.stream(Stage.values())
                .map(stage -> {
                    Map<String, Long> outcomes = counts.getOrDefault(stage.label(), Map.of());
                    return new Overview.StageHealth(stage.label(),
                            outcomes.getOrDefault(StageStatus.SUCCESS.label(), 0L),
                            outcomes.getOrDefault(StageStatus.PARTIAL.label(), 0L),
                            outcomes.getOrDefault(StageStatus.FAILED.label(), 0L),
                            p95.get(stage.label()));
                })
                .toList();
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String queue : QueueDepths.QUEUES) {
            depths.put(queue, queueDepths.depth(queue));
        }
        FlagSnapshot snapshot = flags.snapshot();
        List<String> enhanced = snapshot.tenantSlugs().entrySet().stream()
                .filter(tenant -> snapshot.isTrue(tenant.getKey(), FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        return new Overview(since, stages, depths, enhanced);
    }
}
