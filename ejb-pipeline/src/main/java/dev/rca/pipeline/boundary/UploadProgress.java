package dev.rca.pipeline.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.control.StageRequests;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads uploads for the API, always within one tenant: another tenant's upload does not exist for the caller. */
@Stateless
public class UploadProgress {

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    TenantDirectory directory;

    @EJB
    StageLedger ledger;

    @EJB
    StageRequests requests;

    public UploadView view(String tenantSlug, UUID uploadId) {
        return view(find(tenants.bySlug(tenantSlug), uploadId), tenantSlug, ledger.completions(uploadId));
    }

    /**
     * Sends the request of the upload's first stage without an outcome again, or of the first queued stage when
     * every stage has one: the operator's way to move an upload whose request was lost. Harmless for an upload
     * already done, since the stage skips a duplicate (and sends nothing on).
     */
    public UploadView redrive(UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId);
        if (upload == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "there is no upload " + uploadId, Map.of("upload", uploadId.toString()));
        }
        Map<Stage, StageCompletion> completions = ledger.completions(uploadId);
        requests.send(Stage.firstPending(completions.keySet()).orElse(Stage.queued().get(0)), uploadId);
        return view(upload, directory.slugOf(upload.getTenantId()), completions);
    }

    /** The upload with this id that belongs to {@code tenant}; 404 otherwise. */
    public Upload find(Tenant tenant, UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId);
        if (upload == null || !upload.getTenantId().equals(tenant.getId())) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "tenant '" + tenant.getSlug() + "' has no upload " + uploadId,
                    Map.of("tenant", tenant.getSlug(), "upload", uploadId.toString()));
        }
        return upload;
    }

    private UploadView view(Upload upload, String tenantSlug, Map<Stage, StageCompletion> completions) {
        List<UploadFile> files = em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class)
                .setParameter("uploadId", upload.getId())
                .getResultList();
        return UploadView.of(upload, tenantSlug, files, completions);
    }
}
