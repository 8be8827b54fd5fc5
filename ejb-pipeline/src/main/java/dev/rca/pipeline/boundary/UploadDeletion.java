package dev.rca.pipeline.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.control.UploadDeleted;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import dev.rca.uploads.entity.UploadStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Deletes an upload with everything derived from it — its files and their blocks, stage completions, and what the
 * stages derived (each stage deletes its own rows, observing {@link UploadDeleted}) — in one transaction, so that a
 * failure half-way deletes nothing. Its telemetry rows stay, marked deleted (telemetry observes the same event). An
 * upload still processing is refused: a stage may be writing to it (the stages hold the upload's row lock while they
 * work, and so does this).
 */
@Stateless
public class UploadDeletion {

    private static final Logger LOG = Logger.getLogger(UploadDeletion.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    FileBlocks blocks;

    @EJB
    TenantDirectory directory;

    @Inject
    Event<UploadDeleted> deleted;

    /** The API's and the UI's delete, within one tenant: another tenant's upload does not exist for the caller. */
    public void delete(String tenantSlug, UUID uploadId, String requestedBy) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        Upload upload = em.find(Upload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null || !upload.getTenantId().equals(tenant.getId())) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "tenant '" + tenantSlug + "' has no upload "
                    + uploadId, Map.of("tenant", tenantSlug, "upload", uploadId.toString()));
        }
        if (upload.getStatus() == UploadStatus.PROCESSING) {
            throw new BusinessException(ErrorCode.UPLOAD_PROCESSING, "upload " + uploadId + " is still being"
                    + " processed; delete it once it has ended", Map.of("upload", uploadId.toString()));
        }
        purge(upload, tenantSlug, UploadDeleted.Trigger.REQUEST);
        LOG.info(() -> "deleted upload " + uploadId + " of tenant " + tenantSlug + ", asked by " + requestedBy);
    }

    /**
     * Deletes the upload if it still exists and has ended (the retention sweep's delete, one upload per
     * transaction); false when there was nothing to delete.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null || upload.getStatus() == UploadStatus.PROCESSING) {
            return false;
        }
        purge(upload, directory.slugOf(upload.getTenantId()), UploadDeleted.Trigger.RETENTION);
        return true;
    }

    private void purge(Upload upload, String tenantSlug, UploadDeleted.Trigger trigger) {
        UUID id = upload.getId();
        // The stages delete what they derived (chunks, analysis) and telemetry marks its rows; then the upload.
        deleted.fire(new UploadDeleted(upload.getTenantId(), tenantSlug, id, trigger, Instant.now()));
        em.createNamedQuery(StageCompletion.DELETE_BY_UPLOAD).setParameter("uploadId", id).executeUpdate();
        blocks.deleteUpload(id);
        em.createNamedQuery(UploadFile.DELETE_BY_UPLOAD).setParameter("uploadId", id).executeUpdate();
        em.remove(upload);
        em.flush();
    }
}
