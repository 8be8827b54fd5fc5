package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test of the one-command configuration: embedded H2 and the server's embedded broker, with tenants, tokens and
 * flags in the same schema.
 */
class EmbeddedDefaultsIT extends DeployedEar {

    @Test
    void uploadPassesEveryStageOnH2() throws Exception {
        Admin admin = new Admin(Admin.bootstrap(base));
        Admin.Tenant tenant = admin.tenant("h2");
        Api api = admin.uploader(tenant);
        byte[] log = SampleLog.generate(1, 1024 * 1024);

        Api.Response accepted = api.upload(tenant.slug(), "text/plain", log);

        assertEquals(202, accepted.status(), accepted.body());
        JsonObject done = api.awaitUpload(accepted.locationUri(), Api::finished, Duration.ofSeconds(60));
        assertEquals("success", done.getString("status"), done.toString());
        for (JsonObject stage : done.getJsonArray("stages").getValuesAs(JsonObject.class)) {
            assertEquals("success", stage.getString("status"), stage.toString());
        }
        Chunking.assertChunksRebuild(api, accepted.locationUri(), log);

        String upload = "api/tenants/" + tenant.slug() + "/uploads/" + done.getString("id");
        JsonObject analysis = api.get(upload + "/analysis").json();
        assertEquals(done.getJsonArray("files").getJsonObject(0).getJsonNumber("lines").longValue(),
                analysis.getJsonNumber("lines").longValue(), analysis.toString());
        assertTrue(analysis.getJsonArray("exceptions").size() >= 1, "the generated stack traces are grouped");
        JsonObject lines = api.get(upload + "/files/0/lines?from=1&limit=3").json();
        assertEquals(3, lines.getJsonArray("lines").size(), lines.toString());
        assertTrue(api.get(upload + "/patterns?limit=5").json().getInt("total") > 0);

        Api.Response refused = api.upload(tenant.slug(), "text/plain", new byte[]{'a', (byte) 0xC0, (byte) 0xAF});
        assertEquals(422, refused.status(), refused.body());
    }

    @Test
    void flagChangeIsStoredAndAuditedOnH2() {
        Admin admin = new Admin(Admin.bootstrap(base));
        String slug = admin.tenant("h2-flags").slug();

        Api.Response changed = admin.putFlag(slug, true, "smoke test on H2");

        assertEquals(200, changed.status(), changed.body());
        assertTrue(admin.flags(slug).getJsonObject("flags").getBoolean(Admin.FLAG));
        JsonObject audit = admin.audit(slug, Admin.FLAG, null, null, 0, 50);
        assertEquals(1, audit.getInt("total"), audit.toString());
        assertEquals("smoke test on H2", audit.getJsonArray("entries").getJsonObject(0).getString("reason"));
    }
}
