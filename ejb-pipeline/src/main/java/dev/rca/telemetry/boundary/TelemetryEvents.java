package dev.rca.telemetry.boundary;

import dev.rca.flags.control.FlagCache;
import dev.rca.flags.control.FlagSnapshot;
import dev.rca.flags.entity.FeatureFlag;
import dev.rca.paging.FilteredPage;
import dev.rca.paging.Page;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.telemetry.control.QueueDepths;
import dev.rca.telemetry.entity.UploadTelemetryEvent;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.tenants.control.TenantLookup;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    FlagCache flags;

    @EJB
    TenantDirectory directory;

    @Inject
    QueueDepths queueDepths;

    /** Null filters match everything; newest first. */
    public Page<TelemetryRow> page(String tenantSlug, String stage, String status, Instant from, Instant to, int offset,
                              int limit) {
        FilteredPage filtered = new FilteredPage(offset, limit)
                .filter("e.tenantId = :tenantId", "tenantId",
                        tenantSlug == null ? null : tenants.bySlug(tenantSlug).getId())
                .filter("e.stage = :stage", "stage", stage)
                .filter("e.status = :status", "status", status)
                .filter("e.createdAt >= :from", "from", from)
                .filter("e.createdAt < :to", "to", to);
        Map<UUID, String> slugs = directory.slugs();
        List<TelemetryRow> events = filtered.rows(em, "SELECT e FROM UploadTelemetryEvent e",
                        "e.createdAt DESC, e.id DESC", UploadTelemetryEvent.class).stream()
                .map(e -> new TelemetryRow(e.getId(), e.getCreatedAt(),
                        slugs.getOrDefault(e.getTenantId(), e.getTenantId().toString()), e.getUploadId(),
                        e.getStage(), e.getStatus(), e.getDurationMs(), e.getMetadata()))
                .toList();
        return new Page<>(filtered.count(em, "SELECT COUNT(e) FROM UploadTelemetryEvent e"), offset,
                limit, events);
    }

    /** Per stage, the outcomes and p95 duration of the last {@code window}; queue depths; enhanced-metrics tenants. */
    public Overview overview(Duration window) {
        Instant since = Instant.now().minus(window);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT e.stage, e.status, COUNT(e) FROM UploadTelemetryEvent e"
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
