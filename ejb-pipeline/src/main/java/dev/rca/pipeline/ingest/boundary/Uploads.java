package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.chunk.control.ChunkRequests;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.ingest.entity.Upload;
import dev.rca.telemetry.control.StageTelemetry;
import dev.rca.telemetry.entity.UploadTelemetryEventRecord;
import dev.rca.tenants.control.Tenants;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads uploads for the API, always within one tenant: another tenant's upload does not exist for the caller. */
@Stateless
public class Uploads {

    static final String PENDING = "pending";

    @PersistenceContext
    EntityManager em;

    @EJB
    Tenants tenants;

    @EJB
    StageTelemetry telemetry;

    @EJB
    ChunkRequests chunkRequests;

    public UploadView view(String tenantSlug, UUID uploadId) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        Upload upload = find(tenant, uploadId);
        Map<String, UploadTelemetryEventRecord> outcomes = telemetry.forUpload(uploadId).stream()
                .collect(Collectors.toMap(UploadTelemetryEventRecord::getStage, Function.identity()));
        List<UploadView.StageView> stages = Arrays.stream(Stage.values())
                .map(stage -> stageView(stage, outcomes.get(stage.label())))
                .toList();
        return new UploadView(upload.getId(), tenant.getSlug(), upload.getStatus().label(), upload.getFileName(),
                upload.getBytes(), upload.getReceivedAt(), upload.getCompletedAt(), stages);
    }

    /**
     * Sends an upload's chunk request again, whatever its state: the operator's way to move an upload whose request
     * was lost. Harmless for an upload already chunked, since the chunk stage skips a duplicate.
     */
    public UploadView redrive(UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId);
        if (upload == null) {
            throw new BusinessException(BusinessException.Kind.NOT_FOUND, "unknown_upload",
                    "there is no upload " + uploadId, Map.of("upload", uploadId.toString()));
        }
        chunkRequests.send(uploadId);
        return view(tenants.byId(upload.getTenantId()).getSlug(), uploadId);
    }

    /** The upload with this id that belongs to {@code tenant}; 404 otherwise. */
    public Upload find(Tenant tenant, UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId);
        if (upload == null || !upload.getTenantId().equals(tenant.getId())) {
            throw new BusinessException(BusinessException.Kind.NOT_FOUND, "unknown_upload",
                    "tenant '" + tenant.getSlug() + "' has no upload " + uploadId,
                    Map.of("tenant", tenant.getSlug(), "upload", uploadId.toString()));
        }
        return upload;
    }

    private static UploadView.StageView stageView(Stage stage, UploadTelemetryEventRecord outcome) {
        if (outcome == null) {
            return new UploadView.StageView(stage.label(), PENDING, null, null, Map.of());
        }
        return new UploadView.StageView(stage.label(), outcome.getStatus(), outcome.getDurationMs(),
                outcome.getCreatedAt(), outcome.getMetadata());
    }
}
