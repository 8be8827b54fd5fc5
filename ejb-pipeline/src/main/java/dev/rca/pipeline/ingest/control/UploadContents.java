package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.uploads.entity.SkipReport.Warning;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.io.input.CloseShieldInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files in an upload body, read with Apache Commons Compress as one forward stream: a plain or gzipped file is
 * one entry, a zip or (gzipped) tar one entry per archive member. Nothing is extracted, buffered whole or written to
 * disk. The format comes from the first bytes; a name or Content-Type that claims another is only a warning.
 */
public final class UploadContents {

    /** What an entry is; only files are read. */
    public enum EntryKind {
        FILE,
        DIRECTORY,
        LINK,
        OTHER
    }

    /**
     * One entry. {@code stream} ends with the entry and must not be closed; {@code statistics} gives compressed
     * and uncompressed counts where the bytes were compressed; {@code readable} is false for encrypted zip entries
     * or compression methods the library cannot read.
     */
    public record Entry(String name, EntryKind kind, InputStream stream, InputStreamStatistics statistics,
                        boolean readable) {
    }

    private static final int SNIFF_BUFFER = 64 * 1024;
    /** Compressed formats the library recognises but uploads do not accept, with the names users know them by. */
    private static final Map<String, String> OTHER_COMPRESSORS = Map.of(
            CompressorStreamFactory.BZIP2, "bzip2", CompressorStreamFactory.XZ, "xz",
            CompressorStreamFactory.ZSTANDARD, "zstd", CompressorStreamFactory.LZ4_FRAMED, "lz4",
            CompressorStreamFactory.SNAPPY_FRAMED, "snappy", CompressorStreamFactory.Z, "compress (.Z)",
            CompressorStreamFactory.LZMA, "lzma", CompressorStreamFactory.PACK200, "pack200");
    private static final Set<String> ZIPS = Set.of(ArchiveStreamFactory.ZIP, ArchiveStreamFactory.JAR);

    private final UploadFormat format;
    private final List<Warning> warnings;
    private final ArchiveInputStream<?> archive;
    /** The gzip stream around a tar, whose ratio holds for all its members; null for other formats. */
    private final InputStreamStatistics compression;
    private Entry single;

    private UploadContents(UploadFormat format, List<Warning> warnings, ArchiveInputStream<?> archive,
                           InputStreamStatistics compression, Entry single) {
        this.format = format;
        this.warnings = warnings;
        this.archive = archive;
        this.compression = compression;
        this.single = single;
    }

    /**
     * Decides the body's format and positions on its first entry.
     *
     * @param declaredType the Content-Type the client gave the file (the request's, or the form part's)
     */
    public static UploadContents open(InputStream body, String fileName, String declaredType) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, SNIFF_BUFFER);
        UploadFormat format;
        ArchiveInputStream<?> archive = null;
        InputStreamStatistics compression = null;
        Entry single = null;
        String compressor = compressorOf(in);
        if (compressor == null) {
            String archiver = archiverOf(in);
            if (archiver != null && ZIPS.contains(archiver)) {
                format = UploadFormat.ZIP;
                archive = new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
            } else if (ArchiveStreamFactory.TAR.equals(archiver)) {
                format = UploadFormat.TAR;
                archive = new TarArchiveInputStream(in);
            } else if (ArchiveStreamFactory.SEVEN_Z.equals(archiver)) {
                throw unsupported("7z");
            } else {
                format = UploadFormat.TEXT;
                single = new Entry(fileName, EntryKind.FILE, in, null, true);
            }
        } else if (CompressorStreamFactory.GZIP.equals(compressor)) {
            GzipCompressorInputStream gzip = GzipCompressorInputStream.builder()
                    .setInputStream(in)
                    .setDecompressConcatenated(true)
                    .get();
            BufferedInputStream content = new BufferedInputStream(gzip, SNIFF_BUFFER);
            if (ArchiveStreamFactory.TAR.equals(archiverOf(content))) {
                format = UploadFormat.TAR_GZIP;
                archive = new TarArchiveInputStream(content);
                compression = gzip;
            } else {
                format = UploadFormat.GZIP;
                String inner = gzip.getMetaData().getFileName();
                single = new Entry(inner != null && !inner.isBlank() ? inner : withoutGzipSuffix(fileName),
                        EntryKind.FILE, content, gzip, true);
            }
        } else {
            throw unsupported(OTHER_COMPRESSORS.getOrDefault(compressor, compressor));
        }
        return new UploadContents(format, mismatches(format, fileName, declaredType), archive, compression, single);
    }

    /** True when a file's first bytes are an archive or a compressed stream of any kind the library knows. */
    public static boolean isArchiveOrCompressed(BufferedInputStream content) throws IOException {
        String archiver = archiverOf(content);
        return compressorOf(content) != null || (archiver != null
                && (ZIPS.contains(archiver) || ArchiveStreamFactory.TAR.equals(archiver)
                || ArchiveStreamFactory.SEVEN_Z.equals(archiver)));
    }

    public UploadFormat format() {
        return format;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    /** The next entry, or null after the last. */
    public Entry next() throws IOException {
        if (archive == null) {
            Entry entry = single;
            single = null;
            return entry;
        }
        ArchiveEntry entry = archive.getNextEntry();
        if (entry == null) {
            return null;
        }
        InputStream stream = CloseShieldInputStream.wrap(archive);
        if (archive instanceof ZipArchiveInputStream zip) {
            // Read as a stream, a zip shows only local headers; a symbolic link's mode is in the central directory
            // at the end, so a link usually reads as a small file holding its target's path. It is then stored as
            // that text, never followed.
            ZipArchiveEntry member = (ZipArchiveEntry) entry;
            EntryKind kind = member.isDirectory() ? EntryKind.DIRECTORY : member.isUnixSymlink() ? EntryKind.LINK : EntryKind.FILE;
            return new Entry(member.getName(), kind, stream, zip, zip.canReadEntryData(member));
        }
        TarArchiveEntry member = (TarArchiveEntry) entry;
        // isFile() is also true for FIFOs and devices: those are asked for first.
        EntryKind kind = member.isDirectory() ? EntryKind.DIRECTORY
                : member.isSymbolicLink() || member.isLink() ? EntryKind.LINK
                : member.isFIFO() || member.isCharacterDevice() || member.isBlockDevice() ? EntryKind.OTHER
                : member.isFile() ? EntryKind.FILE
                : EntryKind.OTHER;
        return new Entry(member.getName(), kind, stream, compression, true);
    }

    private static String compressorOf(BufferedInputStream in) throws IOException {
        if (isEmpty(in)) {
            return null;
        }
        try {
            String compressor = CompressorStreamFactory.detect(in);
            // A zlib header is two bytes a text line can start with ("x^"); only real magic numbers count.
            return CompressorStreamFactory.DEFLATE.equals(compressor) ? null : compressor;
        } catch (CompressorException notCompressed) {
            return null;
        }
    }

    private static String archiverOf(BufferedInputStream in) throws IOException {
        if (isEmpty(in)) {
            return null;
        }
        try {
            return ArchiveStreamFactory.detect(in);
        } catch (ArchiveException notAnArchive) {
            return null;
        }
    }

    private static boolean isEmpty(BufferedInputStream in) throws IOException {
        in.mark(1);
        boolean empty = in.read() == -1;
        in.reset();
        return empty;
    }

    private static List<Warning> mismatches(UploadFormat format, String fileName, String declaredType) {
        List<Warning> warnings = new ArrayList<>();
        UploadFormat byType = UploadFormat.claimedByMediaType(declaredType);
        if (byType != null && !compatible(byType, format)) {
            warnings.add(new Warning(null, "content_type_mismatch", "the Content-Type " + declaredType + " claims "
                    + byType.label() + " but the body is " + format.label() + "; read as " + format.label()));
        }
        UploadFormat byName = UploadFormat.claimedBy(fileName);
        if (byName != null && !compatible(byName, format)) {
            warnings.add(new Warning(null, "name_mismatch", "the name '" + EntryNames.printable(fileName)
                    + "' claims " + byName.label() + " but the body is " + format.label() + "; read as "
                    + format.label()));
        }
        return warnings;
    }

    private static boolean compatible(UploadFormat claimed, UploadFormat actual) {
        return claimed == actual || (claimed == UploadFormat.GZIP && actual == UploadFormat.TAR_GZIP);
    }

    private static String withoutGzipSuffix(String fileName) {
        if (fileName != null && fileName.length() > 3 && fileName.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return fileName.substring(0, fileName.length() - 3);
        }
        return fileName;
    }

    private static BusinessException unsupported(String detected) {
        return new BusinessException(ErrorCode.UNSUPPORTED_FORMAT, "the body is " + detected + " data; accepted are plain text, gzip, zip, tar and tar.gz",
                Map.of("detected", detected, "accepted", List.of("text", "gzip", "zip", "tar", "tar.gz")));
    }
}
