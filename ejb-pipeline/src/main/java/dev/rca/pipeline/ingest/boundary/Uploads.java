package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.chunk.control.ChunkRequests;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry;
import dev.rca.pipeline.ingest.entity.Upload;
import dev.rca.pipeline.ingest.entity.UploadFile;
import dev.rca.telemetry.control.StageTelemetry;
import dev.rca.telemetry.entity.UploadTelemetryEventRecord;
import dev.rca.tenants.control.Tenants;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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

    private static final Jsonb JSON = JsonbBuilder.create();

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
        List<UploadView.FileView> files = em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class)
                .setParameter("uploadId", uploadId)
                .getResultStream()
                .map(file -> new UploadView.FileView(file.getFileIndex(), file.getName(), file.getBytes(),
                        file.getLines()))
                .toList();
        PartialUploadTelemetry report = reportOf(outcomes.get(Stage.INGEST.label()));
        return new UploadView(upload.getId(), tenant.getSlug(), upload.getStatus().label(), upload.getFileName(),
                upload.getBytes(), upload.getReceivedAt(), upload.getCompletedAt(), files,
                report == null ? List.of() : report.skipped(), report == null ? List.of() : report.warnings(),
                stages);
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

    /** The ingest row's report, read back from its JSON metadata into the record it was written from. */
    private static PartialUploadTelemetry reportOf(UploadTelemetryEventRecord ingest) {
        Object report = ingest == null ? null : ingest.getMetadata().get(PartialUploadTelemetry.METADATA_KEY);
        return report == null ? null : JSON.fromJson(JSON.toJson(report), PartialUploadTelemetry.class);
    }

    private static UploadView.StageView stageView(Stage stage, UploadTelemetryEventRecord outcome) {
        if (outcome == null) {
            return new UploadView.StageView(stage.label(), PENDING, null, null, Map.of());
        }
        return new UploadView.StageView(stage.label(), outcome.getStatus(), outcome.getDurationMs(),
                outcome.getCreatedAt(), outcome.getMetadata());
    }
}
