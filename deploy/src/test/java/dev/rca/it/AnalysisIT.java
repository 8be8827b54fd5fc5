package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyze stage through the API (docs/api.md, "Analysis"): the report of an incident log whose root cause is
 * one early error with a stack trace followed by a flood of symptoms, its patterns, the lines behind a pattern, a
 * file's lines, the comparison with a healthy baseline, the same report for the same bytes analysed alone or beside
 * others, and the errors of each endpoint.
 */
class AnalysisIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Instant START = Instant.parse("2026-11-30T02:00:00Z");
    private static final int SYMPTOMS = 2_000;
    private static final String ROOT = "database connection lost to db-7.internal:5432";

    private Admin.Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = admin.tenant("analysis");
    }

    /** A healthy hour: requests served and a few cache misses. */
    static List<String> healthy() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            lines.add(at(i * 6) + " INFO  [http-" + (i % 8) + "] com.acme.Web - request " + (9000 + i)
                    + " served in " + (i % 90 + 3) + " ms");
            if (i % 30 == 0) {
                lines.add(at(i * 6 + 1) + " WARN  [http-" + (i % 8) + "] com.acme.Cache - cache miss for key user:"
                        + i);
            }
        }
        return lines;
    }

    /** The same hour with an incident at minute 30: the root cause once, then a flood of its symptoms. */
    static List<String> incident() {
        List<String> lines = healthy();
        List<String> incident = new ArrayList<>(lines.subList(0, 310));
        incident.add(at(1_800) + " ERROR [pool-1] com.acme.Db - " + ROOT);
        incident.add("java.lang.IllegalStateException: pool has no connection after 30000 ms");
        incident.add("\tat com.acme.Db.borrow(Db.java:88)");
        incident.add("\tat com.acme.Web.handle(Web.java:41)");
        incident.add("Caused by: java.net.SocketException: Connection reset");
        incident.add("\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:323)");
        incident.add("\tat com.acme.Db.read(Db.java:120)");
        incident.add("\t... 2 more");
        for (int i = 0; i < SYMPTOMS; i++) {
            incident.add(at(1_801 + i / 40) + " ERROR [http-" + (i % 8) + "] com.acme.Web - request " + (20000 + i)
                    + " failed: upstream timeout after 5000 ms");
        }
        incident.addAll(lines.subList(310, lines.size()));
        return incident;
    }

    static String at(int seconds) {
        return START.plusSeconds(seconds).toString().replace('T', ' ').replace("Z", ",000");
    }

    static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private String analysed(List<String> lines) {
        Api.Response accepted = admin.uploadSucceeded(tenant, bytes(lines), DEADLINE);
        return accepted.json().getString("id");
    }

    private JsonObject get(String path) {
        Api.Response response = api.get("api/tenants/" + tenant.slug() + "/uploads/" + path);
        assertEquals(200, response.status(), path + ": " + response.body());
        return response.json();
    }

    private void assertError(int status, String error, String path) {
        Api.Response response = api.get("api/tenants/" + tenant.slug() + "/uploads/" + path);
        assertEquals(status, response.status(), path + ": " + response.body());
        assertEquals(error, response.json().getString("error"), response.body());
    }

    @Test
    void theReportLeadsWithTheRootCauseNotItsSymptoms() {
        List<String> lines = incident();
        String id = analysed(lines);
        JsonObject report = get(id + "/analysis");
        assertEquals("success", report.getString("status"), report.toString());
        assertTrue(report.getString("analyzer").startsWith("rca-analyzer/"));
        assertEquals(lines.size(), report.getJsonNumber("lines").longValue());
        long events = report.getJsonNumber("events").longValue();
        assertEquals(lines.size() - 7, events, "the stack trace's seven lines fold into their event");

        JsonObject suspect = report.getJsonArray("suspects").getJsonObject(0);
        assertEquals(1, suspect.getInt("rank"));
        assertTrue(suspect.getString("template").startsWith("database connection lost to <*>\n"
                + "java.lang.IllegalStateException: pool has no connection after <*> ms"), suspect.toString());
        assertTrue(suspect.getJsonArray("reasons").toString().contains("first_error"), suspect.toString());
        assertEquals(311, suspect.getJsonObject("at").getInt("line"), "where the root cause was printed");
        assertEquals(0, suspect.getJsonObject("at").getInt("file"));
        assertEquals(START.plusSeconds(1_800).toString(), suspect.getString("firstSeen"));

        JsonObject exception = report.getJsonArray("exceptions").getJsonObject(0);
        assertEquals("java.lang.IllegalStateException", exception.getString("type"));
        assertEquals("java.net.SocketException", exception.getJsonObject("rootCause").getString("type"));
        assertEquals("Connection reset", exception.getJsonObject("rootCause").getString("message"));
        assertEquals(1, exception.getInt("count"));
        assertEquals(List.of("\"com.acme.Db.read\""), exception.getJsonArray("frames").stream()
                .map(Object::toString).toList(), "the root cause's application frame, line numbers ignored");

        JsonObject timeline = report.getJsonObject("timeline");
        int buckets = timeline.getJsonArray("buckets").size();
        assertTrue(buckets >= 100 && buckets <= 300, "about 100-300 buckets: " + buckets);
        assertTrue(report.getJsonObject("timeSpan").getString("from").endsWith("Z"));
        JsonArray bursts = report.getJsonArray("bursts");
        assertFalse(bursts.isEmpty(), "the flood of symptoms bursts");
        assertEquals(START.plusSeconds(1_801).toString(), bursts.getJsonObject(0).getString("start"),
                "a burst starts at its first event");
        JsonObject file = report.getJsonArray("files").getJsonObject(0);
        assertEquals(lines.size(), file.getJsonNumber("lines").longValue());
        assertEquals(311, file.getJsonObject("firstError").getInt("line"));
        assertTrue(file.getString("header").contains("ISO-8601"), file.toString());

        long sum = 0;
        JsonObject patterns = get(id + "/patterns?limit=1000");
        for (JsonObject pattern : patterns.getJsonArray("patterns").getValuesAs(JsonObject.class)) {
            sum += pattern.getJsonNumber("count").longValue();
        }
        assertEquals(events, sum, "the patterns' counts add up to the events");
        assertEquals(patterns.getInt("total"), report.getInt("patternCount"));
    }

    @Test
    void patternsSortFilterAndPage() {
        String id = analysed(incident());
        JsonObject byCount = get(id + "/patterns?limit=2");
        assertEquals(2, byCount.getJsonArray("patterns").size());
        JsonObject first = byCount.getJsonArray("patterns").getJsonObject(0);
        assertEquals("request <*> failed: upstream timeout after <*> ms", first.getString("template"));
        assertEquals(SYMPTOMS, first.getInt("count"));
        assertEquals("ERROR", first.getString("level"));

        JsonObject rare = get(id + "/patterns?sort=rare&limit=1").getJsonArray("patterns").getJsonObject(0);
        assertEquals(1, rare.getInt("count"));
        JsonObject errors = get(id + "/patterns?level=error");
        assertEquals(2, errors.getInt("total"), errors.toString());
        JsonObject search = get(id + "/patterns?q=UPSTREAM");
        assertEquals(1, search.getInt("total"));
        JsonObject byFirst = get(id + "/patterns?sort=first&limit=1").getJsonArray("patterns").getJsonObject(0);
        assertEquals(START.toString(), byFirst.getString("firstSeen"));

        assertError(400, "invalid_page", id + "/patterns?limit=0");
        assertError(400, "invalid_page", id + "/patterns?limit=1001");
        assertError(400, "invalid_parameter", id + "/patterns?sort=loudest");
        assertError(400, "invalid_parameter", id + "/patterns?level=LOUD");
        assertError(404, "unknown_upload", UUID.randomUUID() + "/patterns");
    }

    @Test
    void linesOfAPatternAndOfAFile() {
        List<String> lines = incident();
        String id = analysed(lines);
        JsonObject rootPattern = get(id + "/patterns?q=database").getJsonArray("patterns").getJsonObject(0);
        JsonObject behind = get(id + "/patterns/" + rootPattern.getString("id") + "/lines");
        assertEquals(8, behind.getInt("total"), "the event's first line and its seven continuation lines");
        assertEquals(lines.get(310), behind.getJsonArray("lines").getJsonObject(0).getString("text"));
        assertEquals(311, behind.getJsonArray("lines").getJsonObject(0).getInt("line"));
        assertError(404, "unknown_pattern", id + "/patterns/0123456789abcdef/lines");

        JsonObject head = get(id + "/files/0/lines?from=1&limit=5");
        assertEquals(lines.size(), head.getInt("total"));
        assertEquals(5, head.getJsonArray("lines").size());
        JsonObject line1 = head.getJsonArray("lines").getJsonObject(0);
        assertEquals(1, line1.getInt("line"));
        assertEquals("INFO", line1.getString("level"));
        assertEquals(START.toString(), line1.getString("timestamp"));
        assertEquals("request 9000 served in 3 ms", line1.getString("message"), "the message without its header");

        JsonObject trace = get(id + "/files/0/lines?from=312&limit=7");
        assertEquals(7, trace.getJsonArray("lines").size());
        JsonObject frame = trace.getJsonArray("lines").getJsonObject(1);
        assertEquals(313, frame.getInt("line"));
        assertTrue(frame.isNull("timestamp") && frame.isNull("level"), frame.toString());
        assertEquals(lines.get(312), frame.getString("message"), "a continuation line's message is the whole line");
        assertEquals(311, frame.getInt("event"));
        assertEquals(rootPattern.getString("id"), frame.getString("pattern"));

        int middle = lines.size() / 2;
        JsonObject page = get(id + "/files/0/lines?from=" + middle + "&limit=3");
        assertEquals(List.of(middle, middle + 1, middle + 2), page.getJsonArray("lines").getValuesAs(JsonObject.class)
                .stream().map(l -> l.getInt("line")).toList(), "any line, read through the line index");

        JsonObject past = get(id + "/files/0/lines?from=" + (lines.size() + 1));
        assertEquals(0, past.getJsonArray("lines").size());
        JsonObject found = get(id + "/files/0/lines?q=UPSTREAM%20timeout&limit=3");
        assertEquals(SYMPTOMS, found.getInt("total"));
        assertEquals(3, found.getJsonArray("lines").size());
        assertEquals(319, found.getJsonArray("lines").getJsonObject(0).getInt("line"));

        assertError(400, "invalid_page", id + "/files/0/lines?limit=5001");
        assertError(400, "invalid_parameter", id + "/files/0/lines?from=0");
        assertError(404, "unknown_file", id + "/files/3/lines");
    }

    @Test
    void comparedWithAHealthyBaselineTheIncidentsPatternsAreNew() {
        String baseline = analysed(healthy());
        String id = analysed(incident());
        JsonObject report = get(id + "/analysis?baseline=" + baseline);
        JsonObject comparison = report.getJsonObject("comparison");
        assertEquals(baseline, comparison.getString("baseline"));
        List<String> added = comparison.getJsonArray("new").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("template")).toList();
        assertEquals(2, added.size(), added::toString);
        assertTrue(added.stream().anyMatch(t -> t.startsWith("database connection lost")), added::toString);
        assertTrue(comparison.getJsonArray("gone").isEmpty(), comparison.toString());
        JsonObject suspect = report.getJsonArray("suspects").getJsonObject(0);
        assertTrue(suspect.getJsonArray("reasons").toString().contains("\"new\""), suspect.toString());

        JsonObject reverse = get(baseline + "/analysis?baseline=" + id).getJsonObject("comparison");
        assertEquals(2, reverse.getJsonArray("gone").size(), reverse.toString());
        assertTrue(reverse.getJsonArray("new").isEmpty(), reverse.toString());
        assertFalse(get(id + "/analysis").containsKey("comparison"), "no comparison without a baseline");
        assertError(404, "unknown_upload", id + "/analysis?baseline=" + UUID.randomUUID());
    }

    @Test
    void sameBytesSameReportAndOtherTenantsSeeNothing() {
        List<String> lines = incident();
        String first = analysed(lines);
        String second = analysed(lines);
        assertEquals(get(first + "/patterns?limit=1000").toString(), get(second + "/patterns?limit=1000").toString());
        JsonObject a = get(first + "/analysis");
        JsonObject b = get(second + "/analysis");
        assertEquals(a.getJsonArray("suspects"), b.getJsonArray("suspects"));
        assertEquals(a.getJsonArray("exceptions"), b.getJsonArray("exceptions"));

        Api own = admin.uploader(tenant);
        assertEquals(200, own.get("api/tenants/" + tenant.slug() + "/uploads/" + first + "/analysis").status(),
                "the tenant's upload token reads its analysis");
        Admin.Tenant other = admin.tenant("analysis-other");
        Api stranger = admin.uploader(other);
        Api.Response foreign = stranger.get("api/tenants/" + other.slug() + "/uploads/" + first + "/analysis");
        assertEquals(404, foreign.status(), foreign.body());
        assertNull(foreign.json().get("suspects"));
    }

    @Test
    void sameBytesSameReportWhetherAnalysedAloneOrBesideOthers() throws Exception {
        // 4 MB, so that the stage's 4 sessions analyse the concurrent uploads at the same time
        byte[] log = SampleLog.generate(15, 4 * 1024 * 1024);
        String alone = admin.uploadSucceeded(tenant, log, DEADLINE).json().getString("id");
        JsonObject expected = comparable(alone);

        Api own = admin.uploader(tenant);
        List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> own.upload(tenant.slug(), "text/plain", log)));
        }
        for (CompletableFuture<Api.Response> upload : sent) {
            Api.Response accepted = upload.get(2, TimeUnit.MINUTES);
            assertEquals(202, accepted.status(), accepted.body());
            JsonObject done = own.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
            assertEquals("success", done.getString("status"), done.toString());
            assertEquals(expected, comparable(accepted.json().getString("id")),
                    "an upload analysed beside three others has the report of the same bytes analysed alone");
        }
    }

    /** What of an upload's analysis depends on its bytes only: everything but its id and times of arrival. */
    private JsonObject comparable(String id) {
        JsonObject analysis = get(id + "/analysis");
        return Json.createObjectBuilder()
                .add("patterns", get(id + "/patterns?limit=1000"))
                .add("summary", Json.createArrayBuilder().add(analysis.getInt("lines")).add(analysis.getInt("events"))
                        .add(analysis.getInt("patternCount")))
                .add("files", analysis.getJsonArray("files"))
                .add("suspects", analysis.getJsonArray("suspects"))
                .add("exceptions", analysis.getJsonArray("exceptions"))
                .add("timeline", analysis.getJsonObject("timeline"))
                .add("bursts", analysis.getJsonArray("bursts"))
                .build();
    }

    @Test
    void reanalysisReplacesTheAnalysisAndTheListAndRawTextServeTheCommandLine() throws Exception {
        List<String> lines = incident();
        String id = analysed(lines);
        JsonObject before = get(id + "/patterns?limit=1000");

        Api.Response again = api.post("api/admin/uploads/" + id + "/reanalyze");
        assertEquals(202, again.status(), again.body());
        assertEquals("processing", again.json().getString("status"));
        JsonObject done = api.awaitUpload(api.base().resolve("api/tenants/" + tenant.slug() + "/uploads/" + id),
                Api::finished, DEADLINE);
        assertEquals("success", done.getString("status"), done.toString());
        assertEquals(before.toString(), get(id + "/patterns?limit=1000").toString(), "the same analyzer, the same result");
        UUID upload = UUID.fromString(id);
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM stage_completions WHERE upload_id = ? AND stage = 'ANALYZE'",
                upload));
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM upload_telemetry_events WHERE upload_id = ?"
                + " AND stage = 'analyze'", upload), "the telemetry row tells the latest outcome");
        assertEquals(1L, Database.count("SELECT COUNT(*) FROM upload_analyses WHERE upload_id = ?", upload));
        assertEquals(404, api.post("api/admin/uploads/" + UUID.randomUUID() + "/reanalyze").status());

        JsonObject list = api.get("api/tenants/" + tenant.slug() + "/uploads?limit=10").json();
        assertEquals(1, list.getInt("total"), list.toString());
        assertEquals(id, list.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(400, api.get("api/tenants/" + tenant.slug() + "/uploads?from=yesterday").status());

        Api.Response raw = api.get("api/tenants/" + tenant.slug() + "/uploads/" + id + "/files/0/raw");
        assertEquals(200, raw.status());
        assertEquals(new String(bytes(lines), StandardCharsets.UTF_8), raw.body(), "the stored text, byte for byte");
        Api.Response missing = api.get("api/tenants/" + tenant.slug() + "/uploads/" + id + "/files/9/raw");
        assertEquals(404, missing.status(), missing.body());
    }
}
