package dev.rca.it;

import dev.rca.cli.SampleLog;
import dev.rca.pipeline.entity.Stage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads through both stages on PostgreSQL, checked through the API and in the tables. */
class UploadPipelineIT extends DeployedEar {

    private static final int TARGET_BYTES = 32 * 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    Admin admin;
    Admin.Tenant tenant;
    /** Holds the tenant's upload token, as a tenant's uploader would. */
    Api api;

    @BeforeEach
    void tenant() {
        admin = new Admin(Admin.bootstrap(base));
        tenant = admin.tenant("pipeline");
        api = admin.uploader(tenant);
    }

    @Test
    void eightMegabyteLogPassesBothStagesAndIsChunkedExactlyOnce() throws Exception {
        byte[] log = SampleLog.generate(8, 8 * 1024 * 1024);

        Api.Response accepted = api.upload(tenant.slug(), "text/plain; charset=utf-8", log);

        assertEquals(202, accepted.status(), accepted.body());
        assertNotNull(accepted.location(), "202 carries the upload's Location");
        JsonObject receipt = accepted.json();
        assertEquals(tenant.slug(), receipt.getString("tenant"));
        assertEquals("ingest", receipt.getJsonArray("stages").getJsonObject(0).getString("stage"));
        assertEquals("success", receipt.getJsonArray("stages").getJsonObject(0).getString("status"));
        assertEquals("chunk", receipt.getJsonArray("stages").getJsonObject(1).getString("stage"));

        JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        assertEquals(log.length, done.getJsonNumber("bytes").longValue());
        for (JsonObject stage : done.getJsonArray("stages").getValuesAs(JsonObject.class)) {
            assertEquals("success", stage.getString("status"), stage.toString());
            assertTrue(stage.getJsonNumber("durationMs").longValue() >= 0);
        }

        UUID id = UUID.fromString(receipt.getString("id"));
        long lines = countLines(log);
        assertChunkRowsCoverFile(id, log.length, lines);
        List<Object[]> telemetry = Database.query("SELECT stage, status, tenant_id FROM upload_telemetry_events"
                + " WHERE upload_id = ? ORDER BY id", id);
        assertEquals(Stage.values().length, telemetry.size(), "one telemetry row per declared stage");
        for (Stage stage : Stage.values()) {
            Object[] row = telemetry.get(stage.ordinal());
            assertEquals(stage.label(), row[0], "the rows in stage order");
            assertEquals(tenant.id(), row[2]);
        }

        int chunks = Chunking.assertChunksRebuild(api, accepted.locationUri(), log);
        assertEquals(Database.count("SELECT COUNT(*) FROM chunks WHERE upload_id = ?", id), chunks);
    }

    @Test
    void formUploadGoesThroughTheSamePipeline() throws Exception {
        byte[] log = SampleLog.generate(2, 200 * 1024);

        Api.Response accepted = api.uploadForm(tenant.slug(), "file", "incident-42.log", log);

        assertEquals(202, accepted.status(), accepted.body());
        JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        assertEquals("incident-42.log", done.getString("fileName"));
        Chunking.assertChunksRebuild(api, accepted.locationUri(), log);
    }

    @Test
    void byteOrderMarkIsStripped() {
        byte[] text = "first line\nsecond line".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        Api.Response accepted = api.upload(tenant.slug(), "application/octet-stream", withBom);

        assertEquals(202, accepted.status(), accepted.body());
        JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals(text.length, done.getJsonNumber("bytes").longValue());
        JsonObject ingest = done.getJsonArray("stages").getJsonObject(0);
        assertTrue(ingest.getJsonObject("metadata").getBoolean("bomStripped"));
        assertEquals(2, ingest.getJsonObject("metadata").getInt("lines"));
        Chunking.assertChunksRebuild(api, accepted.locationUri(), text);
    }

    @Test
    void redeliveredChunkRequestCreatesNoDuplicates() throws Exception {
        byte[] log = SampleLog.generate(3, 300 * 1024);
        Api.Response accepted = api.upload(tenant.slug(), "text/plain", log);
        assertEquals(202, accepted.status(), accepted.body());
        api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        UUID id = UUID.fromString(accepted.json().getString("id"));
        List<Object[]> chunksBefore = Database.query("SELECT id, sequence FROM chunks WHERE upload_id = ? ORDER BY id",
                id);
        double duplicatesBefore = Metrics.value(admin.api(), Metrics.CHUNK_DUPLICATES);
        assertTrue(duplicatesBefore >= 0, "the chunk stage's duplicate counter is on /metrics");

        // The same chunk request, twice more, through the real broker and consumer; redrive is an operator action.
        // Each one the chunk stage skips counts once (node-wide; no other test runs meanwhile).
        assertEquals(202, admin.api().post("api/admin/uploads/" + id + "/redrive").status());
        assertEquals(202, admin.api().post("api/admin/uploads/" + id + "/redrive").status());
        Await.until("both re-sent chunk requests are skipped as duplicates", DEADLINE,
                () -> Metrics.value(admin.api(), Metrics.CHUNK_DUPLICATES),
                duplicates -> duplicates >= duplicatesBefore + 2);

        List<Object[]> chunksAfter = Database.query("SELECT id, sequence FROM chunks WHERE upload_id = ? ORDER BY id",
                id);
        assertEquals(chunksBefore.size(), chunksAfter.size(), "no chunk was added");
        for (int i = 0; i < chunksBefore.size(); i++) {
            assertEquals(chunksBefore.get(i)[0], chunksAfter.get(i)[0], "the chunk rows are the same rows");
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND stage = 'chunk'", id));
        assertEquals("success", api.get(accepted.locationUri()).json().getString("status"));
    }

    private static void assertChunkRowsCoverFile(UUID uploadId, long bytes, long lines) throws Exception {
        List<Object[]> rows = Database.query("SELECT sequence, start_byte, end_byte, first_line, last_line, split_line"
                + " FROM chunks WHERE upload_id = ? ORDER BY sequence", uploadId);
        assertTrue(rows.size() > bytes / TARGET_BYTES, "at least bytes / target chunks: " + rows.size());
        long expectedStart = 0;
        long previousLastLine = 0;
        boolean previousSplit = false;
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            long start = (Long) row[1];
            long end = (Long) row[2];
            long firstLine = (Long) row[3];
            long lastLine = (Long) row[4];
            assertEquals(i, (Integer) row[0], "sequences are consecutive");
            assertEquals(expectedStart, start, "chunk " + i + " starts where the previous one ended: no gap, no overlap");
            assertTrue(end > start && end - start <= TARGET_BYTES, "chunk " + i + " is within the target size");
            boolean continuesSplitLine = previousSplit && firstLine == previousLastLine;
            assertTrue(continuesSplitLine || firstLine == previousLastLine + 1,
                    "chunk " + i + " starts on the line after the previous chunk's last one");
            expectedStart = end;
            previousLastLine = lastLine;
            previousSplit = (Boolean) row[5];
        }
        assertEquals(bytes, expectedStart, "the chunks end at the file's end");
        assertEquals(lines, previousLastLine, "the chunks end on the file's last line");
    }

    private static long countLines(byte[] text) {
        long lines = 0;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
            }
        }
        return text.length > 0 && text[text.length - 1] != '\n' ? lines + 1 : lines;
    }
}
