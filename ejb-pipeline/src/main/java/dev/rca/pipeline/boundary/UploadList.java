package dev.rca.pipeline.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.paging.FilteredPage;
import dev.rca.paging.Page;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.uploads.entity.Upload;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.control.TenantDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lists uploads across tenants for operators (the admin UI), newest first, filtered by tenant, status and time. */
@Stateless
public class UploadList {

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    TenantDirectory directory;

    /** Null filters match everything; {@code status} is a label such as {@code processing}. */
    public Page<UploadRow> page(String tenantSlug, String status, Instant from, Instant to, int offset, int limit) {
        return page(tenantSlug, status, from, to, null, offset, limit);
    }

    /** The same, with {@code fileName}: a case-insensitive part of the uploaded file's name. */
    public Page<UploadRow> page(String tenantSlug, String status, Instant from, Instant to, String fileName,
                                int offset, int limit) {
        FilteredPage filtered = new FilteredPage(offset, limit)
                .filter("u.tenantId = :tenantId", "tenantId",
                        tenantSlug == null ? null : tenants.bySlug(tenantSlug).getId())
                .filter("u.status = :status", "status", status == null ? null : status(status))
                .filter("u.receivedAt >= :from", "from", from)
                .filter("u.receivedAt < :to", "to", to)
                .filter("LOWER(u.fileName) LIKE :name ESCAPE '!'", "name", fileName == null || fileName.isEmpty()
                        ? null : "%" + fileName.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
        Map<UUID, String> slugs = directory.slugs();
        List<UploadRow> rows = filtered.rows(em, "SELECT u FROM Upload u", "u.receivedAt DESC, u.id",
                        Upload.class).stream()
                .map(upload -> new UploadRow(upload.getId(), slugs.get(upload.getTenantId()),
                        upload.getStatus().label(), upload.getFileName(), upload.getBytes(), upload.getReceivedAt(),
                        upload.getCompletedAt()))
                .toList();
        return new Page<>(filtered.count(em, "SELECT COUNT(u) FROM Upload u"), offset, limit, rows);
    }

    private static UploadStatus status(String label) {
        Map<String, UploadStatus> known = Arrays.stream(UploadStatus.values())
                .collect(Collectors.toMap(UploadStatus::label, Function.identity()));
        UploadStatus status = known.get(label.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new BusinessException(ErrorCode.INVALID_STATUS, "status must be one of " + known.keySet().stream().sorted().toList(),
                    Map.of("status", label, "field", "status"));
        }
        return status;
    }
}
