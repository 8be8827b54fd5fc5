package dev.rca.pipeline.control;

import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The input of a stage that reads the upload's text: its stored files, every block of each there. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StoredFiles {

    @PersistenceContext
    EntityManager em;

    @EJB
    FileBlocks blocks;

    /**
     * The upload's files in index order.
     *
     * @throws StageFailure {@code missing_blocks} when a file lacks some of its blocks: no redelivery brings them
     */
    public List<UploadFile> of(Upload upload) throws StageFailure {
        List<UploadFile> files = em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class)
                .setParameter("uploadId", upload.getId())
                .getResultList();
        String missing = blocks.missingBlocks(upload.getId(), files);
        if (missing != null) {
            throw new StageFailure("missing_blocks", missing);
        }
        return files;
    }
}
