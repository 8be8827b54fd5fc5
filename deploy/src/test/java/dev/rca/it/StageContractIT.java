package dev.rca.it;

import dev.rca.cli.SampleLog;
import dev.rca.pipeline.entity.Stage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts every stage gets from the shared pipeline, checked for every declared stage ({@link Stage}), not only
 * the chunk stage: one outcome row and one telemetry row per stage, the queue depth and duplicate counter of every
 * queued stage, and for each queued stage a request that fails every delivery is dead-lettered, re-driven to that
 * stage's queue, resumed by the recovery sweep at that stage, and a duplicate of it is skipped and counted.
 * A stage is broken with a test-only trigger that fails the insert of its {@code stage_completions} row for a
 * "poisoned" tenant (an unexpected error at the end of its work, as a bug would throw).
 */
class StageContractIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @BeforeAll
    static void poisonTrigger() throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS it_poisoned_stages (tenant_id UUID, stage VARCHAR(32),"
                    + " PRIMARY KEY (tenant_id, stage))");
            sql.execute("CREATE OR REPLACE FUNCTION it_poison_stages() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF EXISTS (SELECT 1 FROM uploads u JOIN it_poisoned_stages p USING (tenant_id)"
                    + " WHERE u.id = NEW.upload_id AND p.stage = NEW.stage) THEN RAISE EXCEPTION"
                    + " 'poisoned stage % of upload % (integration test)', NEW.stage, NEW.upload_id; END IF;"
                    + " RETURN NEW; END $$");
            sql.execute("DROP TRIGGER IF EXISTS it_poison_stages ON stage_completions");
            sql.execute("CREATE TRIGGER it_poison_stages BEFORE INSERT ON stage_completions FOR EACH ROW"
                    + " EXECUTE FUNCTION it_poison_stages()");
        }
    }

    @AfterAll
    static void removeTrigger() throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS it_poison_stages ON stage_completions");
            sql.execute("DROP FUNCTION IF EXISTS it_poison_stages()");
            sql.execute("DROP TABLE IF EXISTS it_poisoned_stages");
        }
    }

    @Test
    void everyStageRecordsOneOutcomeAndOneTelemetryRow() throws Exception {
        Admin.Tenant tenant = admin.tenant("contract");
        Api.Response accepted = admin.uploadSucceeded(tenant, SampleLog.generate(301, 64 * 1024), DEADLINE);
        JsonObject done = api.get(accepted.locationUri()).json();
        UUID id = UUID.fromString(done.getString("id"));

        List<JsonObject> stages = done.getJsonArray("stages").getValuesAs(JsonObject.class);
        assertEquals(Stage.values().length, stages.size(), done.toString());
        for (Stage stage : Stage.values()) {
            assertEquals(stage.label(), stages.get(stage.ordinal()).getString("stage"));
            assertEquals("success", stages.get(stage.ordinal()).getString("status"), done.toString());
            assertEquals(1L, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                    + " AND stage = ?", id, stage.label()), "one telemetry row for " + stage.label());
            assertEquals(1L, Database.count("SELECT COUNT(*) FROM stage_completions WHERE upload_id = ?"
                    + " AND stage = ?", id, stage.name()), "one outcome for " + stage.label());
        }
        for (Stage stage : Stage.queued()) {
            assertTrue(Metrics.value(api, depthOf(stage.queue())) >= 0, "queue depth of " + stage.queue());
            assertTrue(Metrics.value(api, duplicatesOf(stage)) >= 0, "duplicate counter of " + stage.label());
        }
    }

    @Test
    void everyQueuedStageIsReDrivenRecoveredAndSkipsDuplicates() throws Exception {
        for (Stage stage : Stage.queued()) {
            Admin.Tenant tenant = admin.tenant("contract-" + stage.label());
            byte[] log = SampleLog.generate(302, 128 * 1024);
            double duplicatesBefore = Metrics.value(api, duplicatesOf(stage));

            // Dead-lettered at this stage, then re-driven to this stage's queue.
            long depth = deadLetterDepth();
            poison(tenant, stage, true);
            Api.Response redriven = admin.uploadAccepted(tenant, log, DEADLINE);
            Await.until("the " + stage.label() + " request reaches the DLQ", DEADLINE, this::deadLetterDepth,
                    d -> d > depth);
            assertEquals("processing", api.get(redriven.locationUri()).json().getString("status"));
            poison(tenant, stage, false);
            api.post("api/admin/dead-letters/redrive");
            assertFinishedOnce(api.awaitUpload(redriven.locationUri(), Api::finished, DEADLINE), stage);

            // Dead-lettered and left there: the sweep sends this stage's request again once the upload is stuck.
            long depthAgain = deadLetterDepth();
            poison(tenant, stage, true);
            Api.Response swept = admin.uploadAccepted(tenant, log, DEADLINE);
            Await.until("the second " + stage.label() + " request reaches the DLQ", DEADLINE, this::deadLetterDepth,
                    d -> d > depthAgain);
            poison(tenant, stage, false);
            assertFinishedOnce(api.awaitUpload(swept.locationUri(), Api::finished, DEADLINE), stage);

            // What is left in the DLQ is for work this stage has committed: re-driven, it is a counted duplicate.
            api.post("api/admin/dead-letters/redrive");
            Await.until("the DLQ is drained", DEADLINE, this::deadLetterDepth, d -> d == 0);
            Await.until("duplicates of " + stage.label() + " are counted", DEADLINE,
                    () -> Metrics.value(api, duplicatesOf(stage)), value -> value >= duplicatesBefore + 1);
        }
    }

    private static void assertFinishedOnce(JsonObject upload, Stage stage) throws SQLException {
        assertEquals("success", upload.getString("status"), upload.toString());
        UUID id = UUID.fromString(upload.getString("id"));
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM stage_completions WHERE upload_id = ? AND stage = ?",
                id, stage.name()), "one outcome for " + stage.label());
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND stage = ?", id, stage.label()), "one telemetry row for " + stage.label());
    }

    private static void poison(Admin.Tenant tenant, Stage stage, boolean poisoned) throws SQLException {
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.execute(poisoned
                    ? "INSERT INTO it_poisoned_stages VALUES ('" + tenant.id() + "', '" + stage.name() + "')"
                    + " ON CONFLICT DO NOTHING"
                    : "DELETE FROM it_poisoned_stages WHERE tenant_id = '" + tenant.id() + "'");
        }
    }

    /** The DLQ's depth; asked again while the API answers 503 (the pool discarding connections a restart killed). */
    private long deadLetterDepth() {
        return api.await(() -> api.get("api/admin/dead-letters"), r -> r.status() != 503, DEADLINE,
                "the API answers").json().getJsonNumber("depth").longValue();
    }

    private static Pattern depthOf(String queue) {
        return Pattern.compile("(?m)^rca_pipeline_queue_depth\\{[^}]*queue=\"" + queue + "\"[^}]*} ([0-9.]+)$");
    }

    private static Pattern duplicatesOf(Stage stage) {
        return Pattern.compile("(?m)^rca_pipeline_duplicate_requests_total\\{[^}]*stage=\"" + stage.label()
                + "\"[^}]*} ([0-9.]+)$");
    }
}
