package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.BusinessException.Kind;
import dev.rca.pipeline.entity.UploadStatus;
import dev.rca.pipeline.ingest.entity.Upload;
import dev.rca.tenants.control.Tenants;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lists uploads across tenants for operators (the admin UI), newest first, filtered by tenant, status and time. */
@Stateless
public class UploadList {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    Tenants tenants;

    /** Null filters match everything; {@code status} is a label such as {@code processing}. */
    public UploadListPage page(String tenantSlug, String status, Instant from, Instant to, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new BusinessException(Kind.BAD_REQUEST, "invalid_page",
                    "offset must be >= 0 and limit between 1 and " + MAX_PAGE, Map.of("offset", offset, "limit", limit));
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (tenantSlug != null) {
            where.append(" AND u.tenantId = :tenantId");
            parameters.put("tenantId", tenants.bySlug(tenantSlug).getId());
        }
        if (status != null) {
            where.append(" AND u.status = :status");
            parameters.put("status", status(status));
        }
        if (from != null) {
            where.append(" AND u.receivedAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" AND u.receivedAt < :to");
            parameters.put("to", to);
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM Upload u" + where, Long.class);
        TypedQuery<Upload> page = em.createQuery(
                "SELECT u FROM Upload u" + where + " ORDER BY u.receivedAt DESC, u.id", Upload.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        Map<UUID, String> slugs = em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultStream()
                .collect(Collectors.toMap(Tenant::getId, Tenant::getSlug));
        List<UploadListPage.Row> rows = page.setFirstResult(offset).setMaxResults(limit).getResultStream()
                .map(upload -> new UploadListPage.Row(upload.getId(), slugs.get(upload.getTenantId()),
                        upload.getStatus().label(), upload.getFileName(), upload.getBytes(), upload.getReceivedAt(),
                        upload.getCompletedAt()))
                .toList();
        return new UploadListPage(count.getSingleResult(), offset, limit, rows);
    }

    private static UploadStatus status(String label) {
        Map<String, UploadStatus> known = Arrays.stream(UploadStatus.values())
                .collect(Collectors.toMap(UploadStatus::label, Function.identity()));
        UploadStatus status = known.get(label.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new BusinessException(Kind.BAD_REQUEST, "invalid_status",
                    "status must be one of " + known.keySet().stream().sorted().toList(),
                    Map.of("status", label, "field", "status"));
        }
        return status;
    }
}
