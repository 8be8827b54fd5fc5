package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.control.StageResult;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.ingest.control.UploadContents.Entry;
import dev.rca.tenants.entity.Tenant;
import dev.rca.uploads.control.BlockSink;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.SkipReport;
import dev.rca.uploads.entity.SkipReport.SkippedFile;
import dev.rca.uploads.entity.SkipReport.Warning;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ingest stage's logic, in its boundary's transaction: reads the body (a text file, gzip, zip or tar) within the
 * upload limits, stores each text file's bytes once, and skips archive entries that cannot be ingested, with a
 * reason. The limits are read once, as one {@link IngestLimits}.
 */
@ApplicationScoped
public class Ingestion {

    private static final int ENTRY_BUFFER = 64 * 1024;

    @PersistenceContext
    EntityManager em;

    @EJB
    FileBlocks blocks;

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
     * Every reason an upload of a known tenant can be refused for ({@code rca_uploads_refused_total{reason}}), so that
     * the counter can start at 0 for each.
     */
    public static final Set<ErrorCode> REFUSALS = Collections.unmodifiableSet(EnumSet.of(ErrorCode.BODY_UNREADABLE,
            ErrorCode.COMPRESSION_RATIO_EXCEEDED, ErrorCode.EMPTY_UPLOAD, ErrorCode.FILE_TOO_LARGE,
            ErrorCode.INVALID_ENCODING, ErrorCode.INVALID_UTF8, ErrorCode.MISSING_FILE_FIELD,
            ErrorCode.NOTHING_INGESTED, ErrorCode.TENANT_INACTIVE, ErrorCode.TOO_MANY_ENTRIES,
            ErrorCode.UNCOMPRESSED_TOO_LARGE, ErrorCode.UNREADABLE_ARCHIVE, ErrorCode.UNSUPPORTED_ENCODING,
            ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UPLOAD_TOO_LARGE,
            ErrorCode.UPLOAD_TOO_SLOW));

    private IngestLimits limits;

    /** What the ingest transaction wrote: the upload, its stored files, and the stage's outcome to record. */
    public record Ingested(Upload upload, List<UploadFile> files, StageResult result) {
    }

    @PostConstruct
    void readLimits() {
        limits = new IngestLimits(maxBytes, maxUncompressedBytes, maxFileBytes, maxEntries, maxCompressionRatio,
                ratioGraceBytes);
    }

    /**
     * Reads and stores the upload in the caller's transaction.
     *
     * @throws BusinessException when the upload is refused; what was written is the caller's to roll back
     */
    public Ingested store(Tenant tenant, UploadSource source) {
        Tally tally = new Tally();
        try {
            checkRequest(source);
            // Not closed here: closing a request's body makes the container read the rest of it, which a refusal
            // for size must not do. The source's owner closes what it opened (the admin form's part).
            return storeBody(tenant, source.mediaType(), source.open(), tally);
        } catch (IOException e) {
            throw tooSlow(e).orElseGet(() -> unreadable(tally, e));
        }
    }

    /** The body fell below its minimum data rate, found wherever an archive's reader wrapped that. */
    private static Optional<BusinessException> tooSlow(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MinimumRate.TooSlowException slow) {
                return Optional.of(new BusinessException(ErrorCode.UPLOAD_TOO_SLOW, "the upload body came too"
                        + " slowly: " + slow.getMessage() + " (rca.upload.min-bytes-per-second); nothing was stored",
                        Map.of("bytesRead", slow.bytesRead(), "seconds", slow.seconds())));
            }
        }
        return Optional.empty();
    }

    private Ingested storeBody(Tenant tenant, String requestType, UploadSource.Body body, Tally ingestion)
            throws IOException {
        UploadBudget budget = new UploadBudget(limits);
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
        SkipReport report = ingestion.skipped.isEmpty() && ingestion.warnings.isEmpty() ? null : ingestion.report();
        upload.received(ingestion.bytes, report);

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
        if (report != null) {
            metadata.put(SkipReport.METADATA_KEY, report);
        }
        return new Ingested(upload, List.copyOf(ingestion.stored),
                new StageResult(ingestion.skipped.isEmpty() ? StageStatus.SUCCESS : StageStatus.PARTIAL, metadata));
    }

    /** A single file, plain or gzipped: what would skip an archive entry refuses the upload. */
    private void storeSingle(Upload upload, UploadContents contents, UploadBudget budget, Tally ingestion)
            throws IOException {
        Entry entry = contents.next();
        ingestion.entries = 1;
        String name = EntryNames.printable(entry.name());
        InputStream content = budget.meterContent(entry.stream(), name == null ? "body" : name,
                entry.statistics());
        try {
            ingestion.single = storeFile(upload, 0, name, content, false, ingestion);
        } catch (FileProblem problem) {
            throw singleFileRefusal(problem, contents.format().label());
        }
        ingestion.stored(name, ingestion.single);
    }

    private void storeArchive(Upload upload, UploadContents contents, UploadBudget budget, Tally ingestion)
            throws IOException {
        Set<String> seen = new HashSet<>();
        Entry entry;
        while ((entry = contents.next()) != null) {
            ingestion.entries++;
            ingestion.currentEntry = entry.name();
            if (ingestion.entries > limits.maxEntries()) {
                throw new BusinessException(ErrorCode.TOO_MANY_ENTRIES, "the archive has more than the limit of " + limits.maxEntries() + " entries",
                        Map.of("limitEntries", limits.maxEntries()));
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
                    throw new FileProblem(FileProblem.Kind.NESTED_ARCHIVE, "an archive or compressed file inside the "
                            + "upload: not opened; upload it on its own");
                }
                TextCopy.Result stored = storeFile(upload, ingestion.files, name, content, true, ingestion);
                ingestion.stored(name, stored);
            } catch (FileProblem problem) {
                IOUtils.consume(content);
                ingestion.skip(name, problem, counted.getCount());
            }
        }
        ingestion.currentEntry = null;
        if (ingestion.files == 0) {
            throw new BusinessException(ErrorCode.NOTHING_INGESTED, "no file of the " + contents.format().label() + " archive could be ingested ("
                            + ingestion.entries + " entries)",
                    Map.of("entries", ingestion.entries, "skipped", ingestion.skipped));
        }
    }

    private static FileProblem problemBeforeReading(Entry entry) {
        return switch (entry.kind()) {
            case LINK -> new FileProblem(FileProblem.Kind.LINK, "a symbolic or hard link: never followed");
            case OTHER -> new FileProblem(FileProblem.Kind.NOT_A_FILE, "neither a file nor a directory");
            default -> EntryNames.escapesRoot(entry.name())
                    ? new FileProblem(FileProblem.Kind.PATH, "an absolute name or one with '..': not used")
                    : !entry.readable()
                    ? new FileProblem(FileProblem.Kind.UNREADABLE, "encrypted, or compressed with a method that "
                    + "cannot be read")
                    : null;
        };
    }

    private static void noteName(String original, String name, Set<String> seen, Tally ingestion) {
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
    private TextCopy.Result storeFile(Upload upload, int index, String name, InputStream content, boolean inArchive,
                                      Tally ingestion) throws IOException, FileProblem {
        FileRow row = new FileRow(upload, index, name);
        try {
            TextCopy.Result stored = TextCopy.copy(content, inArchive, limits.maxFileBytes(), blockBytes, row);
            row.file.stored(stored.bytes(), stored.lines(), stored.blocks());
            ingestion.stored.add(row.file);
            return stored;
        } catch (FileProblem problem) {
            if (row.file != null) {
                blocks.delete(row.file.getId());
                em.remove(row.file);
                em.flush();
            }
            throw problem;
        }
    }

    /** A file's row, persisted when its first block arrives (a file that fails its first checks never has one). */
    private final class FileRow implements BlockSink {
        final Upload upload;
        final int index;
        final String name;
        UploadFile file;

        FileRow(Upload upload, int index, String name) {
            this.upload = upload;
            this.index = index;
            this.name = name;
        }

        @Override
        public void accept(int blockIndex, byte[] data, int length) {
            if (file == null) {
                file = new UploadFile(upload.getId(), index, name, blockBytes);
                em.persist(file);
                em.flush();
            }
            blocks.write(file.getId(), blockIndex, data, length);
        }
    }

    private BusinessException singleFileRefusal(FileProblem problem, String format) {
        String of = "gzip".equals(format) ? " (decompressed)" : "";
        return switch (problem.kind()) {
            case NO_BYTES, ONLY_BOM -> new BusinessException(ErrorCode.EMPTY_UPLOAD,
                    problem.kind() == FileProblem.Kind.ONLY_BOM
                            ? "the upload holds only a byte order mark" : "the upload body is empty",
                    Map.of("format", format));
            case TOO_LARGE -> new BusinessException(ErrorCode.FILE_TOO_LARGE,
                    "the file is larger than the limit of " + limits.maxFileBytes() + " bytes per file" + of,
                    Map.of("limitBytes", limits.maxFileBytes(), "format", format));
            default -> new BusinessException(encodingError(problem.kind()), "the upload is " + problem.getMessage() + of,
                    Map.of("byteOffset", problem.byteOffset(), "line", problem.line(), "format", format));
        };
    }

    private static ErrorCode encodingError(FileProblem.Kind kind) {
        return switch (kind) {
            case INVALID_UTF8 -> ErrorCode.INVALID_UTF8;
            case INVALID_ENCODING -> ErrorCode.INVALID_ENCODING;
            default -> ErrorCode.UNSUPPORTED_ENCODING;
        };
    }

    private void checkRequest(UploadSource source) {
        Set<String> accepted = UploadFormat.ACCEPTED_MEDIA_TYPES;
        if (source.mediaType() == null || !accepted.contains(source.mediaType())) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (source.mediaType() == null ? "missing" : "'" + source.mediaType() + "'")
                            + " is not accepted; send one of " + List.copyOf(accepted),
                    Map.of("contentType", String.valueOf(source.mediaType()),
                            "accepted", List.copyOf(accepted)));
        }
        if (source.contentLength() > limits.maxBodyBytes()) {
            throw UploadBudget.bodyTooLarge(limits.maxBodyBytes(), source.contentLength());
        }
    }

    private static BusinessException unreadable(Tally ingestion, IOException e) {
        if (ingestion.format == null || "text".equals(ingestion.format)) {
            return new BusinessException(ErrorCode.BODY_UNREADABLE, "the upload body could not be read to its end: " + e.getMessage(), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", ingestion.format);
        if (ingestion.currentEntry != null) {
            details.put("file", EntryNames.printable(ingestion.currentEntry));
        }
        return new BusinessException(ErrorCode.UNREADABLE_ARCHIVE, "the " + ingestion.format
                + " data could not be read" + (ingestion.currentEntry == null ? "" : " at '"
                + EntryNames.printable(ingestion.currentEntry) + "'") + ": " + e.getMessage(), details);
    }

    /** One upload's tallies while it is read, and the report they make. */
    private static final class Tally {
        final List<UploadFile> stored = new ArrayList<>();
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

        SkipReport report() {
            return new SkipReport(entries, files, skipped.size(), bytes, bytesSkipped,
                    List.copyOf(skipped), List.copyOf(warnings));
        }
    }
}
