package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.BusinessException.Kind;
import dev.rca.pipeline.chunk.control.ChunkRequests;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.ingest.control.FileBlocks;
import dev.rca.pipeline.ingest.control.InvalidUtf8Exception;
import dev.rca.pipeline.ingest.control.UploadSource;
import dev.rca.pipeline.ingest.control.Utf8Validator;
import dev.rca.pipeline.ingest.entity.Upload;
import dev.rca.pipeline.ingest.entity.UploadFile;
import dev.rca.telemetry.control.StageTelemetry;
import dev.rca.tenants.control.Tenants;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first stage, run inside the upload request: checks the body, stores the file's bytes once, records the
 * {@code ingest} outcome and hands the upload to the chunk stage. All of it commits together, before the caller
 * answers 202; a refused upload leaves nothing but its failed telemetry row.
 */
@Stateless
public class IngestStage {

    public static final Set<String> ACCEPTED_MEDIA_TYPES =
            Set.of("text/plain", "application/octet-stream", "multipart/form-data");

    private static final Logger LOG = Logger.getLogger(IngestStage.class.getName());
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @PersistenceContext
    EntityManager em;

    @EJB
    Tenants tenants;

    @EJB
    FileBlocks blocks;

    @EJB
    StageTelemetry telemetry;

    @EJB
    ChunkRequests chunkRequests;

    @Inject
    @ConfigProperty(name = "rca.upload.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "rca.storage.block-bytes")
    int blockBytes;

    /** @return the id of the accepted upload */
    public UUID ingest(String tenantSlug, UploadSource source) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        long started = System.nanoTime();
        try {
            return store(tenant, source, started);
        } catch (BusinessException refusal) {
            recordRefusal(tenant, refusal, started);
            throw refusal;
        } catch (IOException e) {
            BusinessException refusal = new BusinessException(Kind.BAD_REQUEST, "body_unreadable",
                    "the upload body could not be read to its end: " + e.getMessage(), Map.of());
            recordRefusal(tenant, refusal, started);
            throw refusal;
        }
    }

    private UUID store(Tenant tenant, UploadSource source, long started) throws IOException {
        Tenants.requireActive(tenant);
        checkRequest(source);
        UploadSource.Body body = source.open();
        Upload upload = new Upload(tenant.getId(), body.fileName(), source.mediaType(), Instant.now());
        em.persist(upload);
        UploadFile file = new UploadFile(upload.getId(), 0, body.fileName(), blockBytes);
        em.persist(file);
        em.flush();

        StoredBytes stored = copyBlocks(body.stream(), file.getId());
        if (stored.bytes() == 0) {
            throw new BusinessException(Kind.BAD_REQUEST, "empty_upload",
                    stored.bomStripped() ? "the upload holds only a byte order mark" : "the upload body is empty",
                    Map.of());
        }
        file.stored(stored.bytes(), stored.lines(), stored.blocks());
        upload.received(stored.bytes());

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("bytes", stored.bytes());
        metadata.put("lines", stored.lines());
        metadata.put("files", 1);
        metadata.put("blocks", stored.blocks());
        metadata.put("bomStripped", stored.bomStripped());
        telemetry.record(tenant.getId(), upload.getId(), Stage.INGEST, StageStatus.SUCCESS, elapsedMillis(started),
                metadata);
        chunkRequests.send(upload.getId());
        return upload.getId();
    }

    private void checkRequest(UploadSource source) {
        if (source.mediaType() == null || !ACCEPTED_MEDIA_TYPES.contains(source.mediaType())) {
            throw new BusinessException(Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content-Type " + (source.mediaType() == null ? "missing" : "'" + source.mediaType() + "'")
                            + " is not accepted; send one of " + ACCEPTED_MEDIA_TYPES.stream().sorted().toList(),
                    Map.of("contentType", String.valueOf(source.mediaType()),
                            "accepted", ACCEPTED_MEDIA_TYPES.stream().sorted().toList()));
        }
        if (source.contentLength() > maxBytes) {
            throw tooLarge(source.contentLength());
        }
    }

    private BusinessException tooLarge(long bytes) {
        return new BusinessException(Kind.PAYLOAD_TOO_LARGE, "upload_too_large",
                "the upload body is larger than the limit of " + maxBytes + " bytes",
                Map.of("limitBytes", maxBytes, "receivedBytes", bytes));
    }

    /** Reads the body once, block by block: validates UTF-8, drops a leading BOM, counts, stores. */
    private StoredBytes copyBlocks(InputStream in, long fileId) throws IOException {
        Utf8Validator validator = new Utf8Validator();
        byte[] block = new byte[blockBytes];
        long bodyBytes = 0;
        int filled = 0;
        int blockCount = 0;
        boolean atStart = true;
        boolean bomStripped = false;
        int read;
        while ((read = in.read(block, filled, block.length - filled)) != -1) {
            bodyBytes += read;
            if (bodyBytes > maxBytes) {
                throw tooLarge(bodyBytes);
            }
            if (atStart) {
                if (filled + read < UTF8_BOM.length) {
                    filled += read;
                    continue;
                }
                atStart = false;
                if (startsWithBom(block)) {
                    bomStripped = true;
                    System.arraycopy(block, UTF8_BOM.length, block, 0, filled + read - UTF8_BOM.length);
                    read -= UTF8_BOM.length;
                }
                read += filled;
                filled = 0;
            }
            validate(validator, block, filled, read, bomStripped);
            filled += read;
            if (filled == block.length) {
                blocks.write(fileId, blockCount++, block, filled);
                filled = 0;
            }
        }
        if (atStart && filled > 0) {
            // Fewer bytes than a BOM in the whole body.
            validate(validator, block, 0, filled, false);
        }
        if (filled > 0) {
            blocks.write(fileId, blockCount++, block, filled);
        }
        validate(validator, null, 0, 0, bomStripped);
        return new StoredBytes(validator.bytes(), validator.lines(), blockCount, bomStripped);
    }

    private static boolean startsWithBom(byte[] block) {
        return block[0] == UTF8_BOM[0] && block[1] == UTF8_BOM[1] && block[2] == UTF8_BOM[2];
    }

    /** Feeds the validator, or finishes it when {@code bytes} is null; offsets reported are the body's. */
    private static void validate(Utf8Validator validator, byte[] bytes, int offset, int length, boolean bomStripped) {
        try {
            if (bytes == null) {
                validator.finish();
            } else {
                validator.feed(bytes, offset, length);
            }
        } catch (InvalidUtf8Exception e) {
            long bodyOffset = e.byteOffset() + (bomStripped ? UTF8_BOM.length : 0);
            throw new BusinessException(Kind.UNPROCESSABLE, "invalid_utf8",
                    "the upload is not valid UTF-8: invalid byte sequence at byte offset " + bodyOffset
                            + " (line " + e.line() + ")",
                    Map.of("byteOffset", bodyOffset, "line", e.line()));
        }
    }

    private void recordRefusal(Tenant tenant, BusinessException refusal, long started) {
        try {
            telemetry.recordRefusal(tenant.getId(), refusal, elapsedMillis(started));
        } catch (RuntimeException e) {
            // The caller still gets the refusal; only its telemetry row is missing, and the log says so.
            LOG.log(Level.WARNING, "could not record the failed ingest of tenant " + tenant.getSlug(), e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private record StoredBytes(long bytes, long lines, int blocks, boolean bomStripped) {
    }
}
