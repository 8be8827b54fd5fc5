package dev.rca.pipeline.chunk.boundary;

import dev.rca.paging.FilteredPage;
import dev.rca.pipeline.chunk.entity.Chunk;
import dev.rca.pipeline.boundary.UploadProgress;
import dev.rca.pipeline.control.UploadDeleted;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.UploadFile;
import dev.rca.tenants.control.TenantLookup;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pages through an upload's chunks; each chunk's text is cut from the stored file blocks. */
@Stateless
public class Chunks {

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    UploadProgress uploads;

    @EJB
    FileBlocks blocks;

    public ChunkPage page(String tenantSlug, UUID uploadId, int offset, int limit) {
        FilteredPage.checkBounds(offset, limit);
        uploads.find(tenants.bySlug(tenantSlug), uploadId);
        long total = em.createNamedQuery(Chunk.COUNT_BY_UPLOAD, Long.class)
                .setParameter("uploadId", uploadId)
                .getSingleResult();
        List<Chunk> chunks = em.createNamedQuery(Chunk.FIND_BY_UPLOAD, Chunk.class)
                .setParameter("uploadId", uploadId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, UploadFile> files = em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class)
                .setParameter("uploadId", uploadId)
                .getResultStream()
                .collect(Collectors.toMap(UploadFile::getId, Function.identity()));
        List<ChunkPage.ChunkView> views = new ArrayList<>(chunks.size());
        // One read per file of the page: the chunks of a page are adjacent ranges of the same few blocks.
        Map<Long, List<Chunk>> byFile = chunks.stream()
                .collect(Collectors.groupingBy(Chunk::getFileId, LinkedHashMap::new, Collectors.toList()));
        byFile.forEach((fileId, fileChunks) -> {
            UploadFile file = files.get(fileId);
            long start = fileChunks.get(0).getStartByte();
            long end = fileChunks.get(fileChunks.size() - 1).getEndByte();
            byte[] bytes = blocks.range(fileId, file.getBlockBytes(), start, end);
            for (Chunk chunk : fileChunks) {
                String text = new String(bytes, (int) (chunk.getStartByte() - start),
                        (int) (chunk.getEndByte() - chunk.getStartByte()), StandardCharsets.UTF_8);
                views.add(new ChunkPage.ChunkView(file.getFileIndex(), chunk.getSequence(), chunk.getStartByte(),
                        chunk.getEndByte(), chunk.getFirstLine(), chunk.getLastLine(), chunk.isSplitLine(), text));
            }
        });
        return new ChunkPage(uploadId, total, offset, limit, views);
    }

    /** The upload is being deleted: its chunks go first, in the same transaction. */
    public void uploadDeleted(@Observes UploadDeleted deleted) {
        em.createNamedQuery(Chunk.DELETE_BY_UPLOAD).setParameter("uploadId", deleted.uploadId()).executeUpdate();
    }

}
