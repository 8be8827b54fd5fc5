package dev.rca.pipeline.chunk.boundary;

import dev.rca.pipeline.chunk.control.ChunkSpan;
import dev.rca.pipeline.chunk.control.LineChunker;
import dev.rca.pipeline.chunk.entity.Chunk;
import dev.rca.pipeline.control.QueuedStage;
import dev.rca.pipeline.control.StageFailure;
import dev.rca.pipeline.control.StageResult;
import dev.rca.pipeline.control.StoredFiles;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chunk stage's work: splits every file of an ingested upload into line-aligned chunks (byte and line ranges of
 * the stored bytes, never copies of the text).
 */
@Stateless
@LocalBean
@Local(QueuedStage.class)
public class ChunkStage implements QueuedStage {

    @PersistenceContext
    EntityManager em;

    @EJB
    FileBlocks blocks;

    @EJB
    StoredFiles storedFiles;

    @Inject
    @ConfigProperty(name = "rca.chunk.target-bytes")
    int targetBytes;

    @Override
    public Stage stage() {
        return Stage.CHUNK;
    }

    @Override
    public StageResult perform(Upload upload) throws StageFailure {
        List<UploadFile> files = storedFiles.of(upload);
        long chunks = 0;
        long splitLines = 0;
        long bytes = 0;
        long lines = 0;
        for (UploadFile file : files) {
            Tally tally = new Tally();
            LineChunker chunker = new LineChunker(targetBytes, span -> {
                em.persist(toChunk(upload, file, span));
                tally.add(span);
            });
            if (file.getBlockCount() > 0) {
                blocks.read(file.getId(), 0, file.getBlockCount() - 1,
                        (index, data, length) -> chunker.feed(data, 0, length));
            }
            chunker.finish();
            chunks += chunker.chunkCount();
            splitLines += tally.splitLines;
            bytes += file.getBytes();
            lines += file.getLines();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("files", files.size());
        details.put("chunks", chunks);
        details.put("bytes", bytes);
        details.put("lines", lines);
        details.put("splitLineChunks", splitLines);
        details.put("targetBytes", targetBytes);
        return new StageResult(StageStatus.SUCCESS, details);
    }

    private static Chunk toChunk(Upload upload, UploadFile file, ChunkSpan span) {
        return new Chunk(upload.getId(), file.getId(), span.sequence(), span.startByte(), span.endByte(),
                span.firstLine(), span.lastLine(), span.splitLine());
    }

    /** What the chunks of one file say beyond their count. */
    private static final class Tally {
        long splitLines;

        void add(ChunkSpan span) {
            if (span.splitLine()) {
                splitLines++;
            }
        }
    }
}
