package dev.rca.pipeline.chunk.boundary;

import dev.rca.pipeline.chunk.control.ChunkSpan;
import dev.rca.pipeline.chunk.control.LineChunker;
import dev.rca.pipeline.chunk.entity.Chunk;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.entity.UploadStatus;
import dev.rca.pipeline.ingest.control.FileBlocks;
import dev.rca.pipeline.ingest.entity.Upload;
import dev.rca.pipeline.ingest.entity.UploadFile;
import dev.rca.telemetry.control.DuplicateRequest;
import dev.rca.telemetry.control.StageTelemetry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The second stage: splits every file of an ingested upload into line-aligned chunks (byte and line ranges of the
 * stored bytes) and records the {@code chunk} outcome, in the transaction of the message that asked for it.
 * Idempotent: a request for an upload whose chunk outcome is already recorded changes nothing.
 */
@Stateless
public class ChunkStage {

    private static final Logger LOG = Logger.getLogger(ChunkStage.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    FileBlocks blocks;

    @EJB
    StageTelemetry telemetry;

    @Inject
    Event<DuplicateRequest> duplicates;

    @Inject
    @ConfigProperty(name = "rca.chunk.target-bytes")
    int targetBytes;

    public void chunk(UUID uploadId) {
        long started = System.nanoTime();
        // The row lock makes a concurrent duplicate of this request wait, then find the outcome recorded.
        Upload upload = em.find(Upload.class, uploadId, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null) {
            LOG.warning(() -> "chunk request for unknown upload " + uploadId + " ignored");
            return;
        }
        if (telemetry.hasOutcome(uploadId, Stage.CHUNK)) {
            LOG.info(() -> "duplicate chunk request for upload " + uploadId + " skipped: already chunked");
            duplicates.fire(new DuplicateRequest(Stage.CHUNK));
            return;
        }
        List<UploadFile> files = em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class)
                .setParameter("uploadId", uploadId)
                .getResultList();
        String missing = missingBlocks(uploadId, files);
        if (missing != null) {
            // Bad data: no redelivery can help. Recorded as failed and acknowledged, not sent on to the DLQ.
            LOG.severe(() -> "upload " + uploadId + " cannot be chunked: " + missing);
            telemetry.record(upload.getTenantId(), uploadId, Stage.CHUNK, StageStatus.FAILED,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    Map.of("error", "missing_blocks", "message", missing));
            upload.complete(UploadStatus.FAILED, Instant.now());
            return;
        }
        long chunks = 0;
        long splitLines = 0;
        long bytes = 0;
        long lines = 0;
        for (UploadFile file : files) {
            long[] split = {0};
            LineChunker chunker = new LineChunker(targetBytes, span -> {
                em.persist(toChunk(uploadId, file, span));
                if (span.splitLine()) {
                    split[0]++;
                }
            });
            if (file.getBlockCount() > 0) {
                blocks.read(file.getId(), 0, file.getBlockCount() - 1,
                        (index, data, length) -> chunker.feed(data, 0, length));
            }
            chunker.finish();
            chunks += chunker.chunkCount();
            splitLines += split[0];
            bytes += file.getBytes();
            lines += file.getLines();
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("files", files.size());
        metadata.put("chunks", chunks);
        metadata.put("bytes", bytes);
        metadata.put("lines", lines);
        metadata.put("splitLineChunks", splitLines);
        metadata.put("targetBytes", targetBytes);
        telemetry.record(upload.getTenantId(), uploadId, Stage.CHUNK, StageStatus.SUCCESS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), metadata);
        if (Stage.CHUNK.isLast()) {
            upload.complete(upload.outcome(), Instant.now());
        }
    }

    /** What is missing of the files' stored bytes, or null when every block is there. */
    private String missingBlocks(UUID uploadId, List<UploadFile> files) {
        Map<Long, Integer> stored = blocks.countByFile(uploadId);
        for (UploadFile file : files) {
            int found = stored.getOrDefault(file.getId(), 0);
            if (found != file.getBlockCount()) {
                return "file " + file.getFileIndex() + " has " + found + " of its " + file.getBlockCount()
                        + " blocks";
            }
        }
        return null;
    }

    private static Chunk toChunk(UUID uploadId, UploadFile file, ChunkSpan span) {
        return new Chunk(uploadId, file.getId(), span.sequence(), span.startByte(), span.endByte(), span.firstLine(),
                span.lastLine(), span.splitLine());
    }
}
