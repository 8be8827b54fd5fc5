package dev.rca.pipeline.analyze.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.boundary.UploadProgress;
import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.control.StageRequests;
import dev.rca.pipeline.control.StageRerun;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the analyze stage again on a finished upload (after an analyzer upgrade): its analyze outcome is removed, the
 * upload is processing again ({@link StageRerun} announces it: telemetry drops the stage's old row), and the stage's
 * request is sent in this transaction. The new analysis replaces the old one, and its outcome the old outcome and
 * telemetry row.
 */
@Stateless
public class Reanalysis {

    @PersistenceContext
    EntityManager em;

    @EJB
    StageLedger ledger;

    @EJB
    StageRequests requests;

    @EJB
    UploadProgress uploads;

    @EJB
    TenantDirectory tenants;

    @Inject
    Event<StageRerun> reruns;

    public UploadView reanalyze(UUID uploadId) {
        Upload upload = em.find(Upload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "there is no upload " + uploadId,
                    Map.of("upload", uploadId.toString()));
        }
        if (upload.getStatus() == UploadStatus.PROCESSING) {
            throw new BusinessException(ErrorCode.UPLOAD_PROCESSING, "upload " + uploadId + " is still being"
                    + " processed; re-analyse it once it has ended", Map.of("upload", uploadId.toString()));
        }
        Map<Stage, StageCompletion> completions = ledger.completions(uploadId);
        for (Stage stage : Stage.values()) {
            if (stage == Stage.ANALYZE) {
                break;
            }
            StageCompletion before = completions.get(stage);
            if (before == null || before.getStatus() == StageStatus.FAILED) {
                throw new BusinessException(ErrorCode.UPLOAD_PROCESSING, "upload " + uploadId + " has no good "
                        + stage.label() + " outcome to analyse", Map.of("upload", uploadId.toString(),
                        "stage", stage.label()));
            }
        }
        StageCompletion analyzed = completions.get(Stage.ANALYZE);
        if (analyzed != null) {
            em.remove(analyzed);
            em.flush();
        }
        reruns.fire(new StageRerun(uploadId, Stage.ANALYZE));
        upload.reopen(Instant.now());
        requests.send(Stage.ANALYZE, uploadId);
        return uploads.view(tenants.slugOf(upload.getTenantId()), uploadId);
    }
}
