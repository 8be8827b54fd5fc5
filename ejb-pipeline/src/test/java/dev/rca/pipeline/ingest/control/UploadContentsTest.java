package dev.rca.pipeline.ingest.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rca.errors.BusinessException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;

class UploadContentsTest {

    @Test
    void plainTextIsOneEntry() throws IOException {
        UploadContents cut = open("x^ starts like a zlib header\n".getBytes(UTF_8), "app.log", "text/plain");

        assertEquals(UploadFormat.TEXT, cut.format());
        assertEquals(List.of("app.log"), names(cut));
        assertTrue(cut.warnings().isEmpty());
    }

    @Test
    void gzipIsDecidedByMagicAndWarnsAboutTheName() throws IOException {
        UploadContents cut = open(gzip("hello\n".getBytes(UTF_8)), "app.log", "application/octet-stream");

        assertEquals(UploadFormat.GZIP, cut.format());
        assertEquals("name_mismatch", cut.warnings().get(0).code());
        UploadContents.Entry entry = cut.next();
        assertEquals("hello\n", new String(entry.stream().readAllBytes(), UTF_8));
    }

    @Test
    void zipNamedLogIsReadAsZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("logs/"));
            zip.putNextEntry(new ZipEntry("logs/a.log"));
            zip.write("a\n".getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("../evil.log"));
            zip.write("e\n".getBytes(UTF_8));
        }

        UploadContents cut = open(bytes.toByteArray(), "bundle.log", "text/plain");

        assertEquals(UploadFormat.ZIP, cut.format());
        assertEquals(List.of("content_type_mismatch", "name_mismatch"),
                cut.warnings().stream().map(w -> w.code()).toList());
        assertEquals(List.of("logs/", "logs/a.log", "../evil.log"), names(cut));
    }

    @Test
    void tarGzIsOneFormatWithLinksRecognised() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry file = new TarArchiveEntry("a.log");
            file.setSize(2);
            out.putArchiveEntry(file);
            out.write("a\n".getBytes(UTF_8));
            out.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }

        UploadContents cut = open(gzip(tar.toByteArray()), "bundle.tgz", "application/gzip");

        assertEquals(UploadFormat.TAR_GZIP, cut.format());
        assertTrue(cut.warnings().isEmpty());
        assertEquals(UploadContents.EntryKind.FILE, cut.next().kind());
        assertEquals(UploadContents.EntryKind.LINK, cut.next().kind());
        assertNull(cut.next());
    }

    @Test
    void otherCompressionIsRefusedByName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bzip2 = new BZip2CompressorOutputStream(bytes)) {
            bzip2.write("hello\n".getBytes(UTF_8));
        }

        BusinessException refusal = assertThrows(BusinessException.class,
                () -> open(bytes.toByteArray(), "app.log.bz2", "application/octet-stream"));

        assertEquals("unsupported_format", refusal.error());
        assertEquals("bzip2", refusal.details().get("detected"));
    }

    @Test
    void emptyBodyIsText() throws IOException {
        assertEquals(UploadFormat.TEXT, open(new byte[0], null, "text/plain").format());
    }

    private static UploadContents open(byte[] body, String name, String type) throws IOException {
        return UploadContents.open(new ByteArrayInputStream(body), name, type);
    }

    private static List<String> names(UploadContents contents) throws IOException {
        List<String> names = new ArrayList<>();
        for (UploadContents.Entry entry; (entry = contents.next()) != null; ) {
            names.add(entry.name());
        }
        return names;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        }
        return bytes.toByteArray();
    }
}
