package dev.rca.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting an upload (by its tenant's token, or an admin) and the retention sweep, on the real server and database.
 * The test server sweeps every 2 s (deploy POM); the sweep is the one every node runs, and the lock test holds its
 * row the way another node's sweep would.
 */
class DataLifecycleIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final byte[] LOG = ("2026-12-02 10:00:00,001 INFO [main] app: started\n"
            + "2026-12-02 10:00:01,002 ERROR [main] app: connection refused to db-1:5432\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeletedUploadTakesEverythingDerivedWithItAndLeavesItsTelemetryRowsMarked() throws Exception {
        Admin.Tenant tenant = admin.tenant("delete");
        Admin.Tenant other = admin.tenant("delete-other");
        URI location = admin.uploadSucceeded(tenant, LOG, DEADLINE).locationUri();
        UUID upload = UUID.fromString(api.get(location).json().getString("id"));
        String path = "api/tenants/" + tenant.slug() + "/uploads/" + upload;
        assertEquals(200, api.get(path + "/analysis").status(), "analysed before the delete");
        double deletedBefore = deleted(tenant.slug(), "request");

        Api.Response foreign = admin.uploader(other).delete(path);
        assertEquals(403, foreign.status(), "another tenant's token cannot delete it: " + foreign);
        Api.Response foreignOwnPath = admin.uploader(other).delete("api/tenants/" + other.slug() + "/uploads/" + upload);
        assertEquals(404, foreignOwnPath.status(), "nor reach it through its own tenant's path: " + foreignOwnPath);
        Errors.assertError(foreignOwnPath, 404, "unknown_upload");

        Api.Response deleted = admin.uploader(tenant).delete(path);
        assertEquals(204, deleted.status(), deleted.toString());
        for (String derived : new String[]{"", "/chunks", "/analysis", "/patterns", "/files/0/raw"}) {
            assertEquals(404, api.get(path + derived).status(), path + derived + " is gone");
        }
        Errors.assertError(api.delete(path), 404, "unknown_upload");

        for (String table : new String[]{"uploads WHERE id = ?", "upload_files WHERE upload_id = ?",
                "chunks WHERE upload_id = ?", "stage_completions WHERE upload_id = ?",
                "upload_analyses WHERE upload_id = ?", "analysis_files WHERE upload_id = ?"}) {
            assertEquals(0, Database.count("SELECT COUNT(*) FROM " + table, upload), table);
        }
        assertEquals(0, Database.count("SELECT COUNT(*) FROM file_blocks b WHERE NOT EXISTS"
                + " (SELECT 1 FROM upload_files f WHERE f.id = b.file_id)"), "no block is left without its file");
        assertEquals(3, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND upload_deleted_at IS NOT NULL", upload), "one row per stage stays, marked deleted");
        assertEquals(deletedBefore + 1, deleted(tenant.slug(), "request"));
    }

    @Test
    void anUploadStillProcessingIsNotDeleted() throws Exception {
        Admin.Tenant tenant = admin.tenant("delete-busy");
        URI location = admin.uploadSucceeded(tenant, LOG, DEADLINE).locationUri();
        UUID upload = UUID.fromString(api.get(location).json().getString("id"));
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE uploads SET status = 'PROCESSING' WHERE id = '" + upload + "'");
            Api.Response refused = api.delete("api/tenants/" + tenant.slug() + "/uploads/" + upload);
            Errors.assertError(refused, 409, "upload_processing");
            sql.executeUpdate("UPDATE uploads SET status = 'SUCCESS' WHERE id = '" + upload + "'");
        }
        assertEquals(1, Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", upload));
    }

    @Test
    void retentionIsSetPerTenantAndValidated() {
        Admin.Tenant tenant = admin.tenant("retention-api");
        String path = "api/admin/tenants/" + tenant.slug() + "/retention";
        assertTrue(api.get(path).json().isNull("uploadRetentionDays"), "off by default");
        assertEquals(30, api.putJson(path, "{\"uploadRetentionDays\": 30}").json().getInt("uploadRetentionDays"));
        assertEquals(30, api.get(path).json().getInt("uploadRetentionDays"));
        for (String invalid : new String[]{"{\"uploadRetentionDays\": 0}", "{\"uploadRetentionDays\": 36501}"}) {
            Api.Response refused = api.putJson(path, invalid);
            assertEquals(400, refused.status(), invalid + ": " + refused);
            assertTrue(refused.body().contains("uploadRetentionDays"), "names the field: " + refused);
        }
        assertTrue(api.putJson(path, "{\"uploadRetentionDays\": null}").json().isNull("uploadRetentionDays"));
        assertEquals(403, admin.uploader(tenant).get(path).status(), "an admin setting, not the tenant token's");
    }

    /**
     * An upload older than its tenant's retention goes at the next sweep; a younger one and another tenant's stay.
     * While something else holds the sweep's row lock (another node's sweep), this node skips its sweeps.
     */
    @Test
    void theSweepDeletesExpiredUploadsOnOneNodeAtATime() throws Exception {
        Admin.Tenant tenant = admin.tenant("retention");
        Admin.Tenant keeper = admin.tenant("retention-off");
        UUID old = uploaded(tenant);
        UUID young = uploaded(tenant);
        UUID othersOld = uploaded(keeper);
        double expiredBefore = deleted(tenant.slug(), "retention");
        try (Connection lock = Database.connect(); Statement sql = lock.createStatement()) {
            sql.executeUpdate("UPDATE uploads SET received_at = now() - interval '3 days' WHERE id IN ('" + old
                    + "', '" + othersOld + "')");
            lock.setAutoCommit(false);
            sql.executeQuery("SELECT * FROM scheduled_sweeps WHERE name = 'retention' FOR UPDATE");
            assertEquals(200, api.putJson("api/admin/tenants/" + tenant.slug() + "/retention",
                    "{\"uploadRetentionDays\": 2}").status());
            TimeUnit.SECONDS.sleep(6);
            assertEquals(1, Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", old),
                    "no sweep while another holds the sweep's lock (three intervals)");
            lock.rollback();
        }
        Await.until("the expired upload is deleted", DEADLINE,
                () -> Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", old), count -> count == 0);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", young), "younger: kept");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", othersOld),
                "a tenant without retention keeps its uploads");
        assertEquals(3, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND upload_deleted_at IS NOT NULL", old), "its telemetry rows stay, marked deleted");
        assertEquals(expiredBefore + 1, deleted(tenant.slug(), "retention"));
        assertFalse(Database.query("SELECT last_node FROM scheduled_sweeps WHERE name = 'retention'").isEmpty());
    }

    @Test
    void telemetryRowsOutlivingTheirRetentionAreDeletedAndCounted() throws Exception {
        Admin.Tenant tenant = admin.tenant("telemetry-retention");
        double rowsBefore = retentionRows("upload_telemetry_events");
        UUID upload = uploaded(tenant);
        try (Connection connection = Database.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE upload_telemetry_events SET created_at = now() - interval '401 days'"
                    + " WHERE upload_id = '" + upload + "' AND stage = 'ingest'");
        }
        Await.until("the 401-day-old telemetry row is deleted", DEADLINE,
                () -> Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?", upload),
                count -> count == 2);
        assertTrue(retentionRows("upload_telemetry_events") >= rowsBefore + 1);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM uploads WHERE id = ?", upload),
                "the upload itself is the tenant's retention's business");
    }

    private UUID uploaded(Admin.Tenant tenant) {
        URI location = admin.uploadSucceeded(tenant, LOG, DEADLINE).locationUri();
        JsonObject upload = api.get(location).json();
        return UUID.fromString(upload.getString("id"));
    }

    private double deleted(String tenant, String trigger) {
        return Metrics.value(api, Pattern.compile("(?m)^rca_uploads_deleted_total\\{(?=[^}]*tenant=\"" + tenant
                + "\")(?=[^}]*trigger=\"" + trigger + "\")[^}]*} ([0-9.]+)$"));
    }

    private double retentionRows(String table) {
        return Metrics.value(api, Pattern.compile("(?m)^rca_retention_rows_deleted_total\\{[^}]*table=\"" + table
                + "\"[^}]*} ([0-9.]+)$"));
    }
}
