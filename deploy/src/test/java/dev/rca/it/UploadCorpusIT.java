package dev.rca.it;

import dev.rca.cli.SampleLog;
import dev.rca.it.Bundles.Member;
import dev.rca.it.Bundles.Type;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real incidents upload, built here byte by byte and sent over HTTP to the server on PostgreSQL: archives with
 * every kind of member, encodings, NULs, bombs and hostile names. Each case checks the answer, the upload's status
 * and report, its ingest telemetry row, the stored text and that a refusal leaves nothing behind. The test server's
 * limits (deploy POM): 16 MiB body, 32 MiB uncompressed, 16 MiB per file, 1,000 entries, ratio 100 after 1 MiB.
 */
class UploadCorpusIT extends DeployedEar {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String LOG = "2026-11-28T03:00:00Z INFO  app started\r\n"
            + "2026-11-28T03:00:01Z ERROR boom\r\n\tat dev.rca.App.main(App.java:1)\r\n";

    Admin admin;
    Admin.Tenant tenant;
    Api api;

    @BeforeEach
    void tenant() {
        admin = new Admin(Admin.bootstrap(base));
        tenant = admin.tenant("corpus");
        api = admin.uploader(tenant);
    }

    @Test
    void supportBundleIngestsTheTextAndSkipsTheRestWithReasons() throws Exception {
        String utf16Text = "Windows host ünïcødé €\r\nsecond line\r\n";
        String longName = "logs/" + "n".repeat(300) + ".log";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] lateLatin1 = concat(("ok\n".repeat(4000)).getBytes(UTF_8), "caf\u00e9\n".getBytes(
                StandardCharsets.ISO_8859_1));
        List<Member> members = List.of(
                Member.directory("logs/"),
                Member.text("logs/app.log", LOG),
                Member.file("logs/bom.log", Bundles.withBom("with a BOM\n", UTF_8)),
                Member.file("logs/windows-le.log", Bundles.withBom(utf16Text, UTF_16LE)),
                Member.file("logs/windows-be.log", Bundles.withBom(utf16Text, UTF_16BE)),
                Member.file("screenshot.png", png),
                Member.file("logs/latin1.log", lateLatin1),
                Member.file("logs/nul.log", "a\u0000b\n".getBytes(UTF_8)),
                Member.file("logs/empty.log", new byte[0]),
                Member.file("inner.zip", Bundles.zip(List.of(Member.text("x.log", "x\n")))),
                Member.file("rotated.log.gz", Bundles.gzip(LOG.getBytes(UTF_8))),
                Member.text("../evil.log", "evil\n"),
                Member.text("/etc/cron.d/evil", "evil\n"),
                Member.text("C:\\evil.log", "evil\n"),
                Member.text("logs/app.log", "second entry, same name\n"),
                Member.text("logs/bell\u0007.log", "control character in the name\n"),
                Member.text(longName, "long name\n"));

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "application/zip", Bundles.zip(members)));

        assertEquals("partial", upload.getString("status"), upload.toString());
        Map<String, String> skipped = reasons(upload);
        assertEquals(new TreeMap<>(Map.of("screenshot.png", "binary", "logs/latin1.log", "encoding",
                "logs/nul.log", "binary", "logs/empty.log", "empty", "inner.zip", "nested_archive",
                "rotated.log.gz", "nested_archive", "../evil.log", "path", "/etc/cron.d/evil", "path",
                // the zip writer stores Windows separators as '/'
                "C:/evil.log", "path")), skipped);
        String latin1Detail = detailOf(upload, "logs/latin1.log");
        assertTrue(latin1Detail.contains("byte offset " + (3 * 4000 + 3)), latin1Detail);

        List<String> warnings = upload.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
                .map(w -> w.getString("code") + ":" + (w.isNull("file") ? "" : w.getString("file")))
                .sorted().toList();
        String printableLongName = longName.substring(0, 255);
        assertEquals(List.of("duplicate_name:logs/app.log", "name_control_characters:logs/bell\uFFFD.log",
                "name_truncated:" + printableLongName, "transcoded:logs/windows-be.log",
                "transcoded:logs/windows-le.log"), warnings);

        Map<Integer, String> texts = Chunking.filesOf(api, location(upload));
        List<String> names = upload.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("name")).toList();
        assertEquals(List.of("logs/app.log", "logs/bom.log", "logs/windows-le.log", "logs/windows-be.log",
                "logs/app.log", "logs/bell\uFFFD.log", printableLongName), names);
        assertEquals(List.of(LOG, "with a BOM\n", utf16Text, utf16Text, "second entry, same name\n",
                "control character in the name\n", "long name\n"), new ArrayList<>(texts.values()));

        JsonObject ingest = ingestRow(upload);
        assertEquals("partial", ingest.getString("status"));
        JsonObject report = ingest.getJsonObject("metadata").getJsonObject("partialUploadTelemetry");
        assertEquals(17, report.getInt("entries"));
        assertEquals(7, report.getInt("filesIngested"));
        assertEquals(9, report.getInt("filesSkipped"));
        assertEquals(upload.getJsonNumber("bytes").longValue(), report.getJsonNumber("bytesIngested").longValue());
        assertTrue(report.getJsonNumber("bytesSkipped").longValue() >= png.length + lateLatin1.length,
                report.toString());
        assertEquals("zip", ingest.getJsonObject("metadata").getString("format"));
        assertEquals(7L, Database.count("SELECT COUNT(*) FROM upload_files WHERE upload_id = ?", id(upload)));
        assertEquals(7L, Database.count("SELECT COUNT(*) FROM file_blocks b JOIN upload_files f ON f.id = b.file_id"
                + " WHERE f.upload_id = ?", id(upload)), "no block of a skipped file is left");
    }

    @Test
    void tarGzWithLinksAndAFifoSkipsThem() throws Exception {
        byte[] bundle = Bundles.gzip(Bundles.tar(List.of(
                Member.directory("var/log"),
                Member.text("var/log/syslog", LOG),
                Member.link(Type.SYMLINK, "var/log/shadow", "/etc/shadow"),
                Member.link(Type.HARDLINK, "var/log/hard", "var/log/syslog"),
                Member.link(Type.FIFO, "var/log/pipe", null))));

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "application/gzip", bundle));

        assertEquals("partial", upload.getString("status"));
        assertEquals(Map.of("var/log/shadow", "link", "var/log/hard", "link", "var/log/pipe", "not_a_file"),
                reasons(upload));
        assertEquals(Map.of(0, LOG), Chunking.filesOf(api, location(upload)));
        assertEquals("tar.gz", ingestRow(upload).getJsonObject("metadata").getString("format"));
    }

    @Test
    void zipNamedLogIsReadAsZipWithWarnings() throws Exception {
        byte[] zip = Bundles.zip(List.of(Member.text("a.log", LOG)));

        JsonObject upload = acceptAndSettle(api.uploadForm(tenant.slug(), "file", "bundle.log", zip));

        assertEquals("success", upload.getString("status"), "warnings alone do not make an upload partial");
        assertEquals(List.of("content_type_mismatch", "name_mismatch"),
                upload.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
                        .map(w -> w.getString("code")).toList());
        JsonObject ingest = ingestRow(upload);
        assertEquals("success", ingest.getString("status"));
        assertEquals(2, ingest.getJsonObject("metadata").getJsonObject("partialUploadTelemetry")
                .getJsonArray("warnings").size());
        assertEquals(Map.of(0, LOG), Chunking.filesOf(api, location(upload)));
    }

    @Test
    void gzippedLogIsOneFile() throws Exception {
        byte[] log = SampleLog.generate(71, 2 * 1024 * 1024);

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "application/gzip", Bundles.gzip(log)));

        assertEquals("success", upload.getString("status"));
        assertTrue(upload.getJsonArray("warnings").isEmpty());
        Chunking.assertChunksRebuild(api, location(upload), log);
        assertEquals("gzip", ingestRow(upload).getJsonObject("metadata").getString("format"));
    }

    @Test
    void utf16SingleFileIsTranscodedWithAWarning() throws Exception {
        String text = "ünïcødé log 😀\r\n".repeat(1000);

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "text/plain", Bundles.withBom(text, UTF_16LE)));

        assertEquals("success", upload.getString("status"));
        assertEquals("transcoded", upload.getJsonArray("warnings").getJsonObject(0).getString("code"));
        Chunking.assertChunksRebuild(api, location(upload), text.getBytes(UTF_8));
        assertEquals("UTF-16LE", ingestRow(upload).getJsonObject("metadata").getString("encoding"));
    }

    @Test
    void nulBytesInASingleFileAreStoredAndServedEscaped() throws Exception {
        byte[] log = "before\u0000after\nnext\u0000\n".getBytes(UTF_8);

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "text/plain", log));

        assertEquals("success", upload.getString("status"));
        Chunking.assertChunksRebuild(api, location(upload), log);
    }

    @Test
    void tenMegabyteSingleLineIsChunkedWithoutLosingAByte() throws Exception {
        byte[] line = new byte[10 * 1024 * 1024];
        Arrays.fill(line, (byte) 'q');

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "text/plain", line));

        assertEquals("success", upload.getString("status"));
        assertTrue(Chunking.assertChunksRebuild(api, location(upload), line) > 1, "a long line is split");
    }

    @Test
    void crlfIsKeptAsSent() throws Exception {
        byte[] log = "one\r\ntwo\r\n".getBytes(UTF_8);
        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "text/plain", log));
        Chunking.assertChunksRebuild(api, location(upload), log);
    }

    @Test
    void badUtf16IsRefusedWithItsOffset() throws Exception {
        byte[] body = concat(Bundles.withBom("ab\n", UTF_16LE), new byte[]{0x00, (byte) 0xD8, 'c', 0x00});

        JsonObject error = refused(() -> api.upload(tenant.slug(), "text/plain", body), 422, "invalid_encoding");

        assertEquals(8, error.getJsonObject("details").getInt("byteOffset"));
        assertEquals(2, error.getJsonObject("details").getInt("line"));
    }

    @Test
    void utf32IsRefused() throws Exception {
        byte[] body = {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0};
        JsonObject error = refused(() -> api.upload(tenant.slug(), "text/plain", body), 422, "unsupported_encoding");
        assertTrue(error.getString("message").contains("UTF-32LE"), error.toString());
    }

    @Test
    void pngAsASingleFileIsRefusedAtOffsetZero() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/octet-stream", png), 422,
                "invalid_utf8");
        assertEquals(0, error.getJsonObject("details").getInt("byteOffset"));
    }

    @Test
    void otherCompressionIsRefusedAsUnsupported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bzip2 = new BZip2CompressorOutputStream(bytes)) {
            bzip2.write(LOG.getBytes(UTF_8));
        }
        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/octet-stream", bytes.toByteArray()),
                415, "unsupported_format");
        assertEquals("bzip2", error.getJsonObject("details").getString("detected"));
    }

    @Test
    void archiveOfNestedArchivesIsRefusedAsNothingIngested() throws Exception {
        // 42.zip's shape: archives of archives. None is opened, so nothing is ingested.
        byte[] inner = Bundles.zip(List.of(Member.file("zeros.log", new byte[1024 * 1024])));
        List<Member> layer = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            layer.add(Member.file("lib" + i + ".zip", inner));
        }

        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/zip", Bundles.zip(layer)), 422,
                "nothing_ingested");

        assertEquals(16, error.getJsonObject("details").getJsonArray("skipped").size());
        assertEquals("nested_archive", error.getJsonObject("details").getJsonArray("skipped").getJsonObject(0)
                .getString("reason"));
    }

    @Test
    void zipBombEntryIsStoppedByTheCompressionRatio() throws Exception {
        byte[] bomb = Bundles.zip(List.of(Member.text("ok.log", LOG),
                Member.file("bomb.log", new byte[200 * 1024 * 1024])));

        JsonObject error = timed("zip bomb (200 MiB entry)",
                () -> refused(() -> api.upload(tenant.slug(), "application/zip", bomb), 413,
                        "compression_ratio_exceeded"));

        assertEquals("bomb.log", error.getJsonObject("details").getString("file"));
    }

    @Test
    void gzipOfAGigabyteOfZerosIsStopped() throws Exception {
        // About 1 MB on the wire: over HTTP/1.1 the refusal closes the connection, and a client still sending a
        // larger body may see the reset instead of the answer (curl reads the early answer; the JDK client does not).
        byte[] zeros = Bundles.gzipOfZeros(10, 100 * 1024 * 1024);
        assertTrue(zeros.length < 16 * 1024 * 1024, "fits the body limit: " + zeros.length);

        JsonObject error = timed("gzip of 1 GiB of zeros (" + zeros.length + " bytes)",
                () -> refused(() -> api.upload(tenant.slug(), "application/gzip", zeros), 413,
                        "compression_ratio_exceeded"));

        // checked after every read, and a read fills at most one 1 MiB block: stopped within a block of the grace
        assertTrue(error.getJsonObject("details").getJsonNumber("uncompressedBytes").longValue()
                <= 2 * 1024 * 1024, "stopped right after the first MiB: " + error);
    }

    @Test
    void tarGzBombIsStoppedByTheRatioOfItsGzipStream() throws Exception {
        byte[] bomb = Bundles.gzip(Bundles.tar(List.of(Member.text("ok.log", LOG),
                Member.file("zeros.log", new byte[64 * 1024 * 1024]))));

        JsonObject error = timed("tar.gz bomb (64 MiB member)",
                () -> refused(() -> api.upload(tenant.slug(), "application/gzip", bomb), 413,
                        "compression_ratio_exceeded"));

        assertEquals("zeros.log", error.getJsonObject("details").getString("file"));
        assertTrue(error.getJsonObject("details").getJsonNumber("uncompressedBytes").longValue()
                <= 2 * 1024 * 1024 + 64 * 1024, "stopped right after the first MiB: " + error);
    }

    @Test
    void uncompressedTotalIsALimitAcrossEntries() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(Member.file("part" + i + ".log", SampleLog.generate(80 + i, 10 * 1024 * 1024)));
        }
        byte[] bundle = Bundles.gzip(Bundles.tar(members));

        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/gzip", bundle), 413,
                "uncompressed_too_large");

        assertEquals(32 * 1024 * 1024, error.getJsonObject("details").getJsonNumber("limitBytes").longValue());
        assertEquals("part3.log", error.getJsonObject("details").getString("file"));
    }

    @Test
    void fileOverThePerFileLimitIsSkippedInAnArchiveAndRefusedAlone() throws Exception {
        byte[] big = SampleLog.generate(90, 17 * 1024 * 1024);
        byte[] bundle = Bundles.gzip(Bundles.tar(List.of(Member.file("big.log", big), Member.text("small.log", LOG))));

        JsonObject upload = acceptAndSettle(api.upload(tenant.slug(), "application/gzip", bundle));
        assertEquals("partial", upload.getString("status"));
        assertEquals(Map.of("big.log", "too_large"), reasons(upload));
        assertEquals(Map.of(0, LOG), Chunking.filesOf(api, location(upload)));

        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/gzip", Bundles.gzip(big)), 413,
                "file_too_large");
        assertEquals(16 * 1024 * 1024, error.getJsonObject("details").getInt("limitBytes"));
    }

    @Test
    void moreEntriesThanTheLimitAreRefused() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            members.add(Member.text("f" + i + ".log", "line " + i + "\n"));
        }
        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/zip", Bundles.zip(members)), 422,
                "too_many_entries");
        assertEquals(1000, error.getJsonObject("details").getInt("limitEntries"));
    }

    @Test
    void truncatedArchiveIsRefusedAsUnreadable() throws Exception {
        byte[] zip = Bundles.zip(List.of(Member.file("a.log", SampleLog.generate(91, 256 * 1024))));
        byte[] truncated = Arrays.copyOf(zip, zip.length / 2);

        JsonObject error = refused(() -> api.upload(tenant.slug(), "application/zip", truncated), 422,
                "unreadable_archive");

        assertEquals("zip", error.getJsonObject("details").getString("format"));
    }

    @Test
    void twentyParallelTenMegabyteUploadsFitTheHeap() throws Exception {
        // The test server runs with -Xmx512m and 4 ingest slots (deploy POM): each upload streams, holding about one
        // block, and the 16 beyond the slots wait their turn instead of failing.
        long tempFiles = Refusals.serverTempFiles();
        byte[] log = SampleLog.generate(92, 10 * 1024 * 1024);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> api.upload(tenant.slug(), "text/plain", log)));
            }
            for (Future<Api.Response> answer : answers) {
                JsonObject upload = acceptAndSettle(answer.get());
                assertEquals("success", upload.getString("status"), upload.toString());
                assertEquals(log.length, upload.getJsonNumber("bytes").longValue());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(tempFiles, Refusals.serverTempFiles(), "no temporary file is left behind");
    }

    private JsonObject acceptAndSettle(Api.Response response) {
        assertEquals(202, response.status(), response.toString());
        return api.awaitUpload(response.locationUri(), Api::finished, SETTLE);
    }

    private JsonObject refused(Supplier<Api.Response> request, int status, String error) throws Exception {
        return Refusals.assertRefused(tenant.id(), request, status, error, 1);
    }

    private static <T> T timed(String what, Callable<T> action) throws Exception {
        long started = System.nanoTime();
        T result = action.call();
        System.out.printf("%s refused in %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private URI location(JsonObject upload) {
        return api.uploads(tenant.slug()).resolve("uploads/" + upload.getString("id"));
    }

    private static UUID id(JsonObject upload) {
        return UUID.fromString(upload.getString("id"));
    }

    private static JsonObject ingestRow(JsonObject upload) {
        return upload.getJsonArray("stages").getValuesAs(JsonObject.class).stream()
                .filter(stage -> stage.getString("stage").equals("ingest"))
                .findFirst().orElseThrow();
    }

    private static Map<String, String> reasons(JsonObject upload) {
        Map<String, String> reasons = new TreeMap<>();
        for (JsonValue value : upload.getJsonArray("skipped")) {
            JsonObject skipped = value.asJsonObject();
            reasons.put(skipped.getString("name"), skipped.getString("reason"));
        }
        return reasons;
    }

    private static String detailOf(JsonObject upload, String name) {
        return upload.getJsonArray("skipped").getValuesAs(JsonObject.class).stream()
                .filter(skipped -> skipped.getString("name").equals(name))
                .map(skipped -> skipped.getString("detail"))
                .findFirst().orElseThrow();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
