package dev.rca.pipeline.ingest.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.BusinessException.Kind;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.ingest.control.EntryNames;
import dev.rca.pipeline.ingest.control.FileBlocks;
import dev.rca.pipeline.ingest.control.FileProblem;
import dev.rca.pipeline.ingest.control.IngestLimits;
import dev.rca.pipeline.ingest.control.SkipReason;
import dev.rca.pipeline.ingest.control.TextCopy;
import dev.rca.pipeline.ingest.control.UploadBudget;
import dev.rca.pipeline.ingest.control.UploadContents;
import dev.rca.pipeline.ingest.control.UploadContents.Entry;
import dev.rca.pipeline.ingest.control.UploadSource;
import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry;
import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry.SkippedFile;
import dev.rca.pipeline.ingest.entity.PartialUploadTelemetry.Warning;
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
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first stage, run inside the upload request: reads the body (a text file, gzip, zip or tar), stores each text
 * file's bytes once and records the {@code ingest} outcome. All of it commits together, before the caller answers
 * 202; {@link UploadIntake} then hands the upload to the chunk stage. A refused upload leaves nothing but its failed
 * telemetry row. Archive entries that cannot be ingested are skipped with a reason, and the upload is then
 * {@code partial}.
 */
@Stateless
public class IngestStage {

    public static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of("text/plain", "application/octet-stream",
            "application/gzip", "application/x-gzip", "application/zip", "application/x-zip-compressed",
            "application/x-tar", "application/x-gtar", "multipart/form-data");

    private static final Logger LOG = Logger.getLogger(IngestStage.class.getName());
    private static final int ENTRY_BUFFER = 64 * 1024;

    @PersistenceContext
    EntityManager em;

    @EJB
    Tenants tenants;

    @EJB
    FileBlocks blocks;

    @EJB
    StageTelemetry telemetry;

    @EJB
    Uploads uploads;

    @Inject
    @ConfigProperty(name = "rca.upload.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "rca.upload.max-uncompressed-bytes")
    long maxUncompressedBytes;

    @Inject
    @ConfigProperty(name = "rca.upload.max-file-bytes")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "rca.upload.max-entries")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "rca.upload.max-compression-ratio")
    int maxCompressionRatio;

    @Inject
    @ConfigProperty(name = "rca.upload.compression-ratio-grace-bytes")
    long ratioGraceBytes;

    @Inject
    @ConfigProperty(name = "rca.storage.block-bytes")
    int blockBytes;

    /**
     * @return the accepted upload as it was committed: read inside the ingest transaction, so that an answer
     * needing the database again cannot fail after the commit and tell the client its upload was not kept
     */
    public UploadView ingest(String tenantSlug, UploadSource source) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        long started = System.nanoTime();
        Ingestion ingestion = new Ingestion();
        try {
            return store(tenant, source, ingestion, started);
        } catch (BusinessException refusal) {
            recordRefusal(tenant, refusal, started);
            throw refusal;
        } catch (IOException e) {
            BusinessException refusal = unreadable(ingestion, e);
            recordRefusal(tenant, refusal, started);
            throw refusal;
        }
    }

    private UploadView store(Tenant tenant, UploadSource source, Ingestion ingestion, long started)
            throws IOException {
        Tenants.requireActive(tenant);
        checkRequest(source);
        // Not closed here: closing a request's body makes the container read the rest of it, which a refusal for
        // size must not do. The source's owner closes what it opened (the admin form's part).
        return storeBody(tenant, source.mediaType(), source.open(), ingestion, started);
    }

    private UploadView storeBody(Tenant tenant, String requestType, UploadSource.Body body, Ingestion ingestion,
                                 long started) throws IOException {
        UploadBudget budget = new UploadBudget(new IngestLimits(maxBytes, maxUncompressedBytes, maxFileBytes,
                maxEntries, maxCompressionRatio, ratioGraceBytes));
        UploadContents contents = UploadContents.open(budget.meterBody(body.stream()), body.fileName(),
                body.mediaType() == null ? requestType : body.mediaType());
        ingestion.format = contents.format().label();
        ingestion.warnings.addAll(contents.warnings());
        Upload upload = new Upload(tenant.getId(), EntryNames.printable(body.fileName()), requestType, Instant.now());
        em.persist(upload);

        if (contents.format().isArchive()) {
            storeArchive(upload, contents, budget, ingestion);
        } else {
            storeSingle(upload, contents, budget, ingestion);
        }
        upload.received(ingestion.bytes, ingestion.skipped.size());

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("bytes", ingestion.bytes);
        metadata.put("lines", ingestion.lines);
        metadata.put("files", ingestion.files);
        metadata.put("blocks", ingestion.blocks);
        metadata.put("format", ingestion.format);
        metadata.put("bodyBytes", budget.bodyBytes());
        if (!contents.format().isArchive()) {
            metadata.put("encoding", ingestion.single.encoding());
            metadata.put("bomStripped", ingestion.single.bomStripped());
        }
        if (!ingestion.skipped.isEmpty() || !ingestion.warnings.isEmpty()) {
            metadata.put(PartialUploadTelemetry.METADATA_KEY, ingestion.report());
        }
        telemetry.record(tenant.getId(), upload.getId(), Stage.INGEST,
                ingestion.skipped.isEmpty() ? StageStatus.SUCCESS : StageStatus.PARTIAL, elapsedMillis(started),
                metadata);
        return uploads.view(tenant.getSlug(), upload.getId());
    }

    /** A single file, plain or gzipped: what would skip an archive entry refuses the upload. */
    private void storeSingle(Upload upload, UploadContents contents, UploadBudget budget, Ingestion ingestion)
            throws IOException {
        Entry entry = contents.next();
        ingestion.entries = 1;
        String name = EntryNames.printable(entry.name());
        InputStream content = budget.meterContent(entry.stream(), name == null ? "body" : name,
                entry.statistics());
        try {
            ingestion.single = storeFile(upload, 0, name, content, false);
        } catch (FileProblem problem) {
            throw singleFileRefusal(problem, contents.format().label());
        }
        ingestion.stored(name, ingestion.single);
    }

    private void storeArchive(Upload upload, UploadContents contents, UploadBudget budget, Ingestion ingestion)
            throws IOException {
        Set<String> seen = new HashSet<>();
        Entry entry;
        while ((entry = contents.next()) != null) {
            ingestion.entries++;
            ingestion.currentEntry = entry.name();
            if (ingestion.entries > maxEntries) {
                throw new BusinessException(Kind.UNPROCESSABLE, "too_many_entries",
                        "the archive has more than the limit of " + maxEntries + " entries",
                        Map.of("limitEntries", maxEntries));
            }
            if (entry.kind() == UploadContents.EntryKind.DIRECTORY) {
                continue;
            }
            String name = EntryNames.printable(entry.name());
            noteName(entry.name(), name, seen, ingestion);
            BoundedInputStream counted = BoundedInputStream.builder()
                    .setInputStream(budget.meterContent(entry.stream(), name, entry.statistics()))
                    .get();
            FileProblem early = problemBeforeReading(entry);
            if (early != null) {
                if (entry.readable()) {
                    IOUtils.consume(counted);
                }
                ingestion.skip(name, early, counted.getCount());
                continue;
            }
            BufferedInputStream content = new BufferedInputStream(counted, ENTRY_BUFFER);
            try {
                if (UploadContents.isArchiveOrCompressed(content)) {
                    throw new FileProblem(SkipReason.NESTED_ARCHIVE, "an archive or compressed file inside the "
                            + "upload: not opened; upload it on its own");
                }
                TextCopy.Result stored = storeFile(upload, ingestion.files, name, content, true);
                ingestion.stored(name, stored);
            } catch (FileProblem problem) {
                IOUtils.consume(content);
                ingestion.skip(name, problem, counted.getCount());
            }
        }
        ingestion.currentEntry = null;
        if (ingestion.files == 0) {
            throw new BusinessException(Kind.UNPROCESSABLE, "nothing_ingested",
                    "no file of the " + contents.format().label() + " archive could be ingested ("
                            + ingestion.entries + " entries)",
                    Map.of("entries", ingestion.entries, "skipped", ingestion.skipped));
        }
    }

    private static FileProblem problemBeforeReading(Entry entry) {
        return switch (entry.kind()) {
            case LINK -> new FileProblem(SkipReason.LINK, "a symbolic or hard link: never followed");
            case OTHER -> new FileProblem(SkipReason.NOT_A_FILE, "neither a file nor a directory");
            default -> EntryNames.escapesRoot(entry.name())
                    ? new FileProblem(SkipReason.PATH, "an absolute name or one with '..': not used")
                    : !entry.readable()
                    ? new FileProblem(SkipReason.UNREADABLE, "encrypted, or compressed with a method that "
                    + "cannot be read")
                    : null;
        };
    }

    private static void noteName(String original, String name, Set<String> seen, Ingestion ingestion) {
        if (EntryNames.hasControlCharacters(original)) {
            ingestion.warnings.add(new Warning(name, "name_control_characters",
                    "control characters in the name were replaced by U+FFFD"));
        }
        if (original.length() > name.length()) {
            ingestion.warnings.add(new Warning(name, "name_truncated",
                    "a name of " + original.length() + " characters was cut to " + EntryNames.MAX_LENGTH));
        }
        if (!seen.add(original)) {
            ingestion.warnings.add(new Warning(name, "duplicate_name",
                    "an earlier entry has the same name; both are kept"));
        }
    }

    /** Stores one file; its row is created with its first block and removed again if the file is skipped. */
    private TextCopy.Result storeFile(Upload upload, int index, String name, InputStream content,
                                      boolean inArchive) throws IOException, FileProblem {
        UploadFile[] file = {null};
        try {
            TextCopy.Result stored = TextCopy.copy(content, inArchive, maxFileBytes, blockBytes,
                    (blockIndex, data, length) -> {
                        if (file[0] == null) {
                            file[0] = new UploadFile(upload.getId(), index, name, blockBytes);
                            em.persist(file[0]);
                            em.flush();
                        }
                        blocks.write(file[0].getId(), blockIndex, data, length);
                    });
            file[0].stored(stored.bytes(), stored.lines(), stored.blocks());
            return stored;
        } catch (FileProblem problem) {
            if (file[0] != null) {
                blocks.delete(file[0].getId());
                em.remove(file[0]);
                em.flush();
            }
            throw problem;
        }
    }

    private BusinessException singleFileRefusal(FileProblem problem, String format) {
        String of = "gzip".equals(format) ? " (decompressed)" : "";
        return switch (problem.reason()) {
            case EMPTY -> new BusinessException(Kind.BAD_REQUEST, "empty_upload",
                    "only a byte order mark".equals(problem.getMessage())
                            ? "the upload holds only a byte order mark" : "the upload body is empty",
                    Map.of("format", format));
            case TOO_LARGE -> new BusinessException(Kind.PAYLOAD_TOO_LARGE, "file_too_large",
                    "the file is larger than the limit of " + maxFileBytes + " bytes per file" + of,
                    Map.of("limitBytes", maxFileBytes, "format", format));
            default -> new BusinessException(Kind.UNPROCESSABLE, encodingError(problem.getMessage()),
                    "the upload is " + problem.getMessage() + of,
                    Map.of("byteOffset", problem.byteOffset(), "line", problem.line(), "format", format));
        };
    }

    private static String encodingError(String problem) {
        return problem.startsWith("not valid UTF-8") ? "invalid_utf8"
                : problem.startsWith("not valid") ? "invalid_encoding"
                : "unsupported_encoding";
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
            throw UploadBudget.bodyTooLarge(maxBytes, source.contentLength());
        }
    }

    private static BusinessException unreadable(Ingestion ingestion, IOException e) {
        if (ingestion.format == null || "text".equals(ingestion.format)) {
            return new BusinessException(Kind.BAD_REQUEST, "body_unreadable",
                    "the upload body could not be read to its end: " + e.getMessage(), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", ingestion.format);
        if (ingestion.currentEntry != null) {
            details.put("file", EntryNames.printable(ingestion.currentEntry));
        }
        return new BusinessException(Kind.UNPROCESSABLE, "unreadable_archive", "the " + ingestion.format
                + " data could not be read" + (ingestion.currentEntry == null ? "" : " at '"
                + EntryNames.printable(ingestion.currentEntry) + "'") + ": " + e.getMessage(), details);
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

    /** One upload's tallies while it is read, and the report they make. */
    private static final class Ingestion {
        final List<SkippedFile> skipped = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        String format;
        String currentEntry;
        TextCopy.Result single;
        int entries;
        int files;
        int blocks;
        long bytes;
        long lines;
        long bytesSkipped;

        void stored(String name, TextCopy.Result stored) {
            files++;
            blocks += stored.blocks();
            bytes += stored.bytes();
            lines += stored.lines();
            if (stored.transcoded()) {
                warnings.add(new Warning(name, "transcoded", "transcoded from " + stored.encoding() + " to UTF-8"));
            }
        }

        void skip(String name, FileProblem problem, long bytesRead) {
            skipped.add(new SkippedFile(name, problem.reason().label(), problem.getMessage(), bytesRead));
            bytesSkipped += bytesRead;
        }

        PartialUploadTelemetry report() {
            return new PartialUploadTelemetry(entries, files, skipped.size(), bytes, bytesSkipped,
                    List.copyOf(skipped), List.copyOf(warnings));
        }
    }
}
