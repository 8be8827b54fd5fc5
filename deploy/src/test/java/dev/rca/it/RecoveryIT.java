package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens when things break, on the real server, broker and PostgreSQL: a chunk request that fails every
 * attempt lands in the DLQ (and its depth shows), is re-driven after the fix and processed once; one nobody
 * re-drives is resumed by the recovery sweep, or recorded as failed once the sweep gives up; a database that
 * refuses connections makes the API answer 503 with Retry-After, and the server heals on its return.
 * Chunk requests are broken with a test-only trigger on {@code chunks} that fails the inserts of "poisoned" tenants
 * (an unexpected error, as a bug would throw). The test server's recovery settings (deploy POM): stuck after 20 s,
 * swept every 2 s, one re-send.
 */
class RecoveryIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void poisonTrigger() throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS it_poisoned_tenants (tenant_id UUID PRIMARY KEY)");
            sql.execute("CREATE OR REPLACE FUNCTION it_poison_chunks() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF EXISTS (SELECT 1 FROM uploads u JOIN it_poisoned_tenants p USING (tenant_id)"
                    + " WHERE u.id = NEW.upload_id) THEN RAISE EXCEPTION 'poisoned upload % (integration test)',"
                    + " NEW.upload_id; END IF; RETURN NEW; END $$");
            sql.execute("DROP TRIGGER IF EXISTS it_poison ON chunks");
            sql.execute("CREATE TRIGGER it_poison BEFORE INSERT ON chunks FOR EACH ROW"
                    + " EXECUTE FUNCTION it_poison_chunks()");
        }
    }

    @AfterAll
    static void removeTrigger() throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS it_poison ON chunks");
            sql.execute("DROP FUNCTION IF EXISTS it_poison_chunks()");
            sql.execute("DROP TABLE IF EXISTS it_poisoned_tenants");
        }
    }

    @Test
    void deadLetteredRequestIsVisibleAndProcessedOnceAfterReDrive() throws Exception {
        Admin.Tenant tenant = admin.tenant("poison");
        byte[] log = SampleLog.generate(201, 300 * 1024);
        double duplicatesBefore = Metrics.value(api, Metrics.CHUNK_DUPLICATES);
        long depthBefore = deadLetterDepth();
        poison(tenant, true);

        Api.Response accepted = admin.uploadAccepted(tenant, log, DEADLINE);
        Await.until("the request reaches the DLQ after its delivery attempts", DEADLINE,
                () -> deadLetterDepth() > depthBefore);
        assertTrue(Metrics.value(api, Metrics.DLQ_DEPTH) > depthBefore, "the DLQ depth is on /metrics");
        assertEquals("processing", api.get(accepted.locationUri()).json().getString("status"));

        poison(tenant, false);
        JsonObject redriven = api.post("api/admin/dead-letters/redrive").json();
        assertTrue(redriven.getInt("redriven") >= 1, redriven.toString());

        JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        Chunking.assertChunksRebuild(api, accepted.locationUri(), log);
        assertOneChunkRow(done);

        // Re-driving the same request again (as an operator might) changes nothing and is counted.
        api.post("api/admin/uploads/" + done.getString("id") + "/redrive");
        Await.until("the duplicate is counted", DEADLINE,
                () -> Metrics.value(api, Metrics.CHUNK_DUPLICATES) > duplicatesBefore);
        Chunking.assertChunksRebuild(api, accepted.locationUri(), log);
        assertOneChunkRow(done);
    }

    @Test
    void badDataIsRecordedAsFailedAndNotRetried() throws Exception {
        Admin.Tenant tenant = admin.tenant("bad-data");
        byte[] log = SampleLog.generate(204, 3 * 1024 * 1024);
        long depthBefore = deadLetterDepth();
        poison(tenant, true);
        Api.Response accepted = admin.uploadAccepted(tenant, log, DEADLINE);
        Await.until("the request reaches the DLQ", DEADLINE, () -> deadLetterDepth() > depthBefore);

        // The data goes bad while the request waits: one stored block of the file disappears.
        UUID id = UUID.fromString(accepted.json().getString("id"));
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM file_blocks WHERE block_index = 1 AND file_id IN"
                    + " (SELECT id FROM upload_files WHERE upload_id = '" + id + "')");
        }
        poison(tenant, false);
        api.post("api/admin/dead-letters/redrive");

        JsonObject failed = api.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertEquals("failed", failed.getString("status"), failed.toString());
        JsonObject chunk = failed.getJsonArray("stages").getJsonObject(1);
        assertEquals("missing_blocks", chunk.getJsonObject("metadata").getString("error"), chunk.toString());
        assertEquals(depthBefore, deadLetterDepth(), "acknowledged at once, not dead-lettered again");
        assertEquals(0L, Database.count("SELECT COUNT(*) FROM chunks WHERE upload_id = ?", id));
        assertOneChunkRow(failed);
    }

    @Test
    void recoverySweepResumesAStuckUploadOrRecordsItFailed() throws Exception {
        Admin.Tenant fixed = admin.tenant("stuck-fixed");
        Admin.Tenant broken = admin.tenant("stuck-broken");
        byte[] log = SampleLog.generate(202, 100 * 1024);
        long depthBefore = deadLetterDepth();
        poison(fixed, true);
        poison(broken, true);
        Api.Response resumed = admin.uploadAccepted(fixed, log, DEADLINE);
        Api.Response givenUp = admin.uploadAccepted(broken, log, DEADLINE);
        Await.until("both requests reach the DLQ", DEADLINE, () -> deadLetterDepth() >= depthBefore + 2);

        // Fixed, but nobody re-drives: the sweep sends the request again once the upload is stuck.
        poison(fixed, false);
        JsonObject done = api.awaitUpload(resumed.locationUri(), Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        Chunking.assertChunksRebuild(api, resumed.locationUri(), log);

        // Never fixed: after its one re-send fails too, the sweep records the chunk stage as failed.
        JsonObject failed = api.awaitUpload(givenUp.locationUri(), Api::finished, DEADLINE);
        assertEquals("failed", failed.getString("status"), failed.toString());
        JsonObject chunk = failed.getJsonArray("stages").getJsonObject(1);
        assertEquals("failed", chunk.getString("status"));
        assertEquals("recovery_exhausted", chunk.getJsonObject("metadata").getString("error"));
        assertOneChunkRow(failed);

        // What is left in the DLQ belongs to uploads that have ended: re-driving it drains it and changes nothing.
        poison(broken, false);
        api.post("api/admin/dead-letters/redrive");
        Await.until("the DLQ is drained", DEADLINE, () -> deadLetterDepth() == 0);
        assertEquals("failed", api.get(givenUp.locationUri()).json().getString("status"));
        assertOneChunkRow(failed);
    }

    @Test
    void unreachableDatabaseAnswers503AndTheServerHeals() throws Exception {
        Admin.Tenant tenant = admin.tenant("db-down");
        byte[] log = SampleLog.generate(203, 64 * 1024);
        assertReadiness(200, "UP");

        // From the maintenance database (PostgreSQL will not close the one it is connected to): new connections
        // to the test database are refused, open ones are ended.
        String database;
        try (Connection test = Database.connect()) {
            database = test.getCatalog();
        }
        String url = System.getProperty("it.postgresql.url");
        try (Connection keeper = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                System.getProperty("it.postgresql.user"), System.getProperty("it.postgresql.password"));
             Statement sql = keeper.createStatement()) {
            try {
                sql.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "'");

                Api.Response refused = Await.until("an upload is answered 503", DEADLINE, () -> upload(tenant, log),
                        r -> r.status() == 503);
                JsonObject error = Errors.assertError(refused, 503, "service_unavailable");
                assertEquals("database", error.getJsonObject("details").getString("dependency"));
                assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.toString());
                JsonObject down = assertReadiness(503, "DOWN");
                assertFalse(check(down, "database").getJsonObject("data").getString("error").isBlank(),
                        down.toString());
            } finally {
                sql.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            }
        }
        Instant back = Instant.now();
        Api.Response accepted = Await.until("an upload is accepted again", DEADLINE, () -> upload(tenant, log),
                r -> r.status() == 202);
        System.out.printf("database back: first upload accepted after %d ms%n",
                Duration.between(back, Instant.now()).toMillis());
        // The pool may still hand out a connection that died with the outage: a 503 until it is discarded.
        Api.Response settled = api.await(() -> api.get(accepted.locationUri()),
                r -> r.status() == 200 && Api.finished(r.json()), DEADLINE, "the upload settles");
        assertEquals("success", settled.json().getString("status"));
        assertReadiness(200, "UP");
    }

    /**
     * Readiness on the management port: the server's own checks and the application's, database ({@code
     * DatabaseReadiness}) and broker; the broker is up throughout, the database as {@code database} expects.
     */
    private JsonObject assertReadiness(int status, String database) throws Exception {
        HttpResponse<String> response = ready();
        assertEquals(status, response.statusCode(), response.body());
        JsonObject health = Api.Response.of(response.statusCode(), response.body()).json();
        assertEquals(database, check(health, "database").getString("status"), health.toString());
        assertEquals("UP", check(health, "broker").getString("status"), health.toString());
        return health;
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check '" + name + "' in " + health));
    }

    private Api.Response upload(Admin.Tenant tenant, byte[] log) {
        return admin.uploader(tenant).upload(tenant.slug(), "text/plain", log);
    }

    private static void poison(Admin.Tenant tenant, boolean poisoned) throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute(poisoned
                    ? "INSERT INTO it_poisoned_tenants VALUES ('" + tenant.id() + "') ON CONFLICT DO NOTHING"
                    : "DELETE FROM it_poisoned_tenants WHERE tenant_id = '" + tenant.id() + "'");
        }
    }

    private static void assertOneChunkRow(JsonObject upload) throws SQLException {
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND stage = 'chunk'", UUID.fromString(upload.getString("id"))), "one chunk row per upload");
    }

    /** The DLQ's depth; asked again while the API answers 503 (the pool discarding connections an outage killed). */
    private long deadLetterDepth() {
        return api.await(() -> api.get("api/admin/dead-letters"), r -> r.status() != 503, DEADLINE,
                "the API answers").json().getJsonNumber("depth").longValue();
    }

    private HttpResponse<String> ready() throws Exception {
        URI health = URI.create("http://" + URI.create(base.toString()).getHost() + ":"
                + System.getProperty("it.management.port", "9990") + "/health/ready");
        return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    }
}
