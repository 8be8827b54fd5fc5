package dev.rca.web.admin.uploads;

import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.chunk.boundary.ChunkPage;
import dev.rca.pipeline.chunk.boundary.Chunks;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.boundary.UploadProgress;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

/**
 * admin/uploads/upload.xhtml: an upload's stages, polled by the page until the upload is final, and a preview of
 * its chunks. Reads through {@link UploadProgress} and {@link Chunks}, as {@code GET /api/tenants/{t}/uploads/{id}} does.
 */
@Named
@ViewScoped
public class UploadBacking implements Serializable {

    static final int CHUNKS_PER_PAGE = 10;

    @EJB
    UploadProgress uploads;

    @EJB
    Chunks chunks;

    private String tenant;
    private String id;
    private UploadView upload;
    private ChunkPage chunkPage;
    private int chunkOffset;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        refresh();
    }

    /** Also what the page's poll calls. */
    public void refresh() {
        try {
            upload = uploads.view(tenant, uploadId());
            if (isDone() && chunkPage == null) {
                loadChunks();
            }
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    /** The runbook's way to move an upload whose chunk request was lost; harmless for a chunked one. */
    public void redrive() {
        try {
            upload = uploads.redrive(uploadId());
            Messages.info("The chunk request was sent again; the chunk stage skips an upload it has chunked already.");
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    private UUID uploadId() {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException notAnId) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "'" + id + "' is not an upload id", Map.of("upload", String.valueOf(id)));
        }
    }

    public boolean isDone() {
        return upload != null && !UploadStatus.PROCESSING.label().equals(upload.status());
    }

    public void nextChunks() {
        chunkOffset += CHUNKS_PER_PAGE;
        loadChunks();
    }

    public void previousChunks() {
        chunkOffset = Math.max(0, chunkOffset - CHUNKS_PER_PAGE);
        loadChunks();
    }

    private void loadChunks() {
        try {
            chunkPage = chunks.page(tenant, upload.id(), chunkOffset, CHUNKS_PER_PAGE);
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    public boolean isHasNextChunks() {
        return chunkPage != null && chunkPage.hasNext();
    }

    public boolean isHasPreviousChunks() {
        return chunkOffset > 0;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UploadView getUpload() {
        return upload;
    }

    public ChunkPage getChunkPage() {
        return chunkPage;
    }

    public int getChunkOffset() {
        return chunkOffset;
    }
}
