package dev.rca.it;

import dev.rca.it.ui.Browser;
import dev.rca.it.ui.GlobalFlagsPage;
import dev.rca.it.ui.NewUploadPage;
import dev.rca.it.ui.OverviewPage;
import dev.rca.it.ui.PatternLinesPage;
import dev.rca.it.ui.SignInPage;
import dev.rca.it.ui.TelemetryPage;
import dev.rca.it.ui.TenantPage;
import dev.rca.it.ui.TenantsPage;
import dev.rca.it.ui.TokensPage;
import dev.rca.it.ui.UploadPage;
import dev.rca.it.ui.UploadsPage;
import dev.rca.pipeline.entity.Stage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.rca.it.Admin.FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin UI in a real headless Chromium, page by page as an operator uses it, against the deployed EAR. Each test
 * signs in with the bootstrap admin user of the test server and works on tenants of its own. Screenshots of every
 * main page land in target/screenshots (docs/ui/ holds current ones).
 */
class AdminUiIT extends AdminSession {

    static final String USER = System.getProperty("it.ui.user");
    static final String PASSWORD = System.getProperty("it.ui.password");

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(base.toURI());
    }

    /** Every page a test saw satisfied the Content-Security-Policy: Chromium refused no script, style or frame. */
    @AfterEach
    void closeBrowser() throws IOException {
        try {
            assertEquals(List.of(), browser.securityPolicyViolations(), "Content-Security-Policy violations");
        } finally {
            browser.close();
        }
    }

    @Test
    void anOperatorRunsATenantFromSignInToSignOut() throws Exception {
        browser.go("");
        SignInPage signIn = SignInPage.shown(browser);
        assertEquals("/admin/sign-in.xhtml", browser.path(), "/ leads to the admin UI, which asks to sign in first");
        browser.screenshot("01-sign-in");
        signIn = signIn.signInRefused(USER, PASSWORD + "-wrong");
        assertTrue(signIn.messages().contains("Unknown user name or wrong password"), signIn.messages());

        OverviewPage overview = signIn.signIn(USER, PASSWORD);
        assertEquals(USER, overview.signedInUser());
        assertEquals("ingest", overview.stage("ingest").get(0));
        assertTrue(overview.queueDepths().contains("ChunkRequestQueue"), overview.queueDepths());
        browser.screenshot("02-overview");

        TenantsPage tenants = TenantsPage.open(browser).createRefused("Not A Slug", "Refused");
        assertTrue(tenants.slugError().contains("slug must match"), "the service's error, next to the field: "
                + tenants.slugError());
        String slug = Admin.uniqueSlug("ui");
        TenantPage tenant = tenants.create(slug, "UI tenant " + slug);
        assertEquals(200, api.get("api/admin/tenants/" + slug).status(), "the tenant exists for the API too");
        assertFalse(tenant.effective(FLAG));

        tenant = tenant.changeFlag(FLAG, true, "");
        assertTrue(tenant.reasonError(FLAG).contains("reason"), "a change needs a reason: " + tenant.reasonError(FLAG));
        assertFalse(tenant.effective(FLAG), "nothing changed without a reason");
        String reason = "SRE needs stage series for " + slug;
        tenant = tenant.changeFlag(FLAG, true, reason);
        assertTrue(tenant.effective(FLAG));
        assertTrue(tenant.messages().contains("changed from false to true"), "the page shows the effect: "
                + tenant.messages());
        List<String> auditRow = tenant.auditRows().get(0);
        assertEquals(List.of("admin-ui:" + USER, "tenant", FLAG, "false", "true", reason), auditRow.subList(1, 7));
        JsonObject audited = admin.audit(slug, FLAG, null, null, 0, 10).getJsonArray("entries").getJsonObject(0);
        assertEquals("admin-ui:" + USER, audited.getString("tokenName"), "the same audit row as the API writes");
        assertEquals(reason, audited.getString("reason"));
        String metrics = api.withoutToken().get("metrics").body();
        assertTrue(metrics.contains("rca_pipeline_stage_total{") && metrics.contains("tenant=\"" + slug + "\""),
                "/metrics has the tenant's series once its flag is on");
        assertTrue(OverviewPage.open(browser).enhancedMetricsTenants().contains(slug));

        TenantPage tokens = TenantPage.open(browser, slug);
        String secret = tokens.createToken("ui uploads");
        assertTrue(secret.startsWith("rca_up_"), "an upload token, shown in full once");
        tokens.copyNewToken();
        browser.await(driver -> "Copied".equals(tokens.copyButtonLabel()) ? true : null);
        // Screenshots go to docs/ui/: never with a token's secret in them, not even a test server's.
        tokens.maskNewToken();
        browser.screenshot("05-token-shown-once");
        assertEquals(202, api.withToken(secret).upload(slug, "text/plain", "via the new token\n".getBytes()).status(),
                "the shown token uploads to its tenant");
        tenant = TenantPage.open(browser, slug);
        assertFalse(tenant.showsNewToken(), "a token's secret is shown once, never again");
        assertFalse(tenant.tokenRow("ui uploads").getText().contains(secret.substring(8)));
        tenant = tenant.revoke("ui uploads");
        assertTrue(tenant.revoked("ui uploads"));
        browser.screenshot("04-tenant");
        assertEquals(401, api.withToken(secret).get("api/tenants/" + slug + "/uploads/" + UUID.randomUUID())
                .status(), "a revoked token is refused");

        Path log = Files.createTempFile("rca-it-ui-", ".log");
        Files.writeString(log, "2026-11-28T05:00:00Z ERROR disk full on /var\n".repeat(200)
                + "2026-11-28T05:00:01Z INFO recovered\n");
        NewUploadPage form = NewUploadPage.open(browser);
        browser.screenshot("06-upload-form");
        UploadPage upload = form.upload(slug, log);
        upload.awaitFinal();
        for (Stage stage : Stage.values()) {
            assertEquals("success", upload.stageStatus(stage.label()), upload.stageRow(stage.label()));
        }
        assertEquals("success", upload.status());
        assertTrue(upload.chunkTexts().get(0).startsWith("2026-11-28T05:00:00Z ERROR disk full"),
                "the chunk preview shows the file's text");
        browser.screenshot("07-upload");
        String uploadId = upload.uploadId();
        Files.delete(log);
        upload = upload.redrive();
        assertTrue(upload.messages().contains("sent again"), upload.messages());
        assertEquals("success", upload.awaitFinal().status(), "a redrive of a chunked upload changes nothing");
        overview = OverviewPage.open(browser);
        for (Stage stage : Stage.values()) {
            List<String> row = overview.stage(stage.label());
            assertTrue(Long.parseLong(row.get(1)) >= 1 && row.get(5).endsWith(" ms"),
                    "the last hour's outcomes and p95 include the upload: " + row);
        }

        Path binary = Files.createTempFile("rca-it-ui-", ".bin");
        Files.write(binary, new byte[]{'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        NewUploadPage refused = NewUploadPage.open(browser).uploadRefused(slug, binary);
        assertTrue(refused.fileError().contains("not valid UTF-8"), "the ingest stage's refusal, next to the file: "
                + refused.fileError());
        Files.delete(binary);

        UploadsPage uploads = UploadsPage.open(browser).filter(slug, "success");
        assertTrue(uploads.uploadIds().contains(uploadId), uploads.rows().toString());
        assertEquals(2, uploads.uploadIds().size(), "the form's and the token's upload, no other tenant's: "
                + uploads.rows());
        browser.screenshot("08-uploads");
        TelemetryPage telemetry = TelemetryPage.open(browser).filter(slug, null, "failed");
        assertEquals(List.of(slug + " ingest failed"), telemetry.events(), "the refused upload's row");
        telemetry = telemetry.filter(null, "", "");
        assertTrue(telemetry.events().containsAll(List.of(slug + " ingest success", slug + " chunk success")),
                telemetry.events().toString());
        browser.screenshot("09-telemetry");

        String adminTokenName = "ui admin " + slug;
        TokensPage apiTokens = TokensPage.open(browser);
        String adminToken = apiTokens.createAdminToken(adminTokenName);
        assertTrue(adminToken.startsWith("rca_adm_"));
        apiTokens.maskNewToken();
        browser.screenshot("13-api-tokens");
        assertEquals(200, api.withToken(adminToken).get("api/admin/tenants").status(), "the new admin token works");
        apiTokens = TokensPage.open(browser);
        assertTrue(apiTokens.row(adminTokenName).getText().contains("admin"));
        apiTokens = apiTokens.revoke(adminTokenName);
        assertTrue(apiTokens.revoked(adminTokenName));
        assertEquals(401, api.withToken(adminToken).get("api/admin/tenants").status(), "revoked from the UI");

        JsonObject allTenants = admin.flags(Admin.ALL_TENANTS);
        assertEquals(Flags.effective(allTenants), GlobalFlagsPage.open(browser).effective(FLAG));
        browser.screenshot("10-global-flags");
        TenantsPage deactivated = TenantsPage.open(browser).deactivate(slug);
        assertTrue(deactivated.row(slug).contains("deactivated"), deactivated.row(slug));
        assertFalse(admin.api().get("api/admin/tenants/" + slug).json().getBoolean("active"));
        browser.screenshot("03-tenants");
        assertFalse(NewUploadPage.open(browser).tenantChoices().contains(slug), "no uploads to a deactivated tenant");
        TenantsPage.open(browser);
        browser.phoneWidth();
        TenantPage.open(browser, slug);
        browser.screenshot("11-tenant-phone");
        browser.laptopWidth();

        SignInPage signedOut = OverviewPage.open(browser).signOut();
        assertTrue(signedOut.messages().contains("signed out"), signedOut.messages());
        browser.go("admin/tenants/");
        SignInPage.shown(browser);
        assertEquals("/admin/sign-in.xhtml", browser.path(), "after signing out the pages ask to sign in again");
    }

    /**
     * A forged request carries the operator's session cookie but not a ViewState this session issued: refused,
     * nothing created. The same request with the page's own ViewState does create the tenant, so it is the ViewState,
     * not anything else about the request, that stops the forgery.
     */
    @Test
    void theUploadPageLeadsWithTheReport() throws Exception {
        Admin.Tenant tenant = admin.tenant("ui-report");
        String baseline = admin.uploadSucceeded(tenant, AnalysisIT.bytes(AnalysisIT.healthy()), Duration.ofSeconds(120))
                .json().getString("id");
        String incident = admin.uploadSucceeded(tenant, AnalysisIT.bytes(AnalysisIT.incident()), Duration.ofSeconds(120))
                .json().getString("id");
        browser.go("admin/");
        SignInPage.shown(browser).signIn(USER, PASSWORD);

        UploadPage upload = UploadPage.open(browser, tenant.slug(), incident, null).awaitReport();
        assertEquals("success", upload.analysisStatus());
        assertTrue(upload.suspects().get(0).startsWith("database connection lost to <*>"), upload.suspects().toString());
        assertTrue(upload.suspectReasons(1).contains("first_error"), upload.suspectReasons(1));
        assertTrue(upload.timelineDrawn(), "the chart library drew the timeline");
        assertFalse(upload.bursts().isEmpty(), "the flood of symptoms is a burst");
        assertEquals(List.of("java.lang.IllegalStateException"), upload.exceptionTypes());
        browser.screenshot("15-upload-report");

        upload = upload.filterPatterns("ERROR", "timeout");
        assertEquals(List.of("request <*> failed: upstream timeout after <*> ms"), upload.patterns());
        PatternLinesPage lines = upload.openLines("request <*> failed");
        assertTrue(lines.total().startsWith("2000 line(s)"), lines.total());
        assertEquals(List.of("20000", "5000"), lines.markedInFirstLine(), "the values are marked, the words not");
        browser.screenshot("16-pattern-lines");

        upload = UploadPage.open(browser, tenant.slug(), incident, null).awaitReport().compareWith(baseline);
        assertEquals(2, upload.comparison("new").size(), upload.comparison("new").toString());
        assertTrue(upload.comparison("gone").isEmpty());
        browser.screenshot("17-upload-compared");
    }

    @Test
    void aSupportBundleShowsWhatWasSkippedAndTheDlqIsReDrivenFromTheOverview() throws Exception {
        Admin.Tenant tenant = admin.tenant("ui-bundle");
        browser.go("admin/");
        SignInPage.shown(browser).signIn(USER, PASSWORD);
        Path bundle = Files.createTempFile("rca-it-ui-", ".zip");
        Files.write(bundle, Bundles.zip(List.of(
                Bundles.Member.text("logs/app.log", "2026-11-28T05:00:00Z ERROR disk full\n"),
                Bundles.Member.file("screenshot.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
                Bundles.Member.text("../evil.log", "evil\n"))));
        try {
            UploadPage upload = NewUploadPage.open(browser).upload(tenant.slug(), bundle).awaitFinal();

            assertEquals("partial", upload.status());
            assertEquals(List.of("logs/app.log"), upload.files());
            assertEquals(Map.of("screenshot.png", "binary", "../evil.log", "path"), upload.skipped());
            browser.screenshot("14-upload-partial");
        } finally {
            Files.delete(bundle);
        }

        OverviewPage overview = OverviewPage.open(browser).redriveDeadLetters();
        assertTrue(overview.messages().contains("DLQ"), "the re-drive's outcome is shown: " + overview.messages());
        assertTrue(overview.queueDepths().contains("DLQ"), overview.queueDepths());
    }

    @Test
    void anUploadIsDeletedFromItsPageOnlyOnceTheBrowsersConfirmationIsAccepted() throws Exception {
        Admin.Tenant tenant = admin.tenant("ui-delete");
        String id = admin.uploadSucceeded(tenant, "2026-12-03T07:00:00Z ERROR disk full\n"
                .getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60)).json().getString("id");
        String path = "api/tenants/" + tenant.slug() + "/uploads/" + id;
        browser.go("admin/");
        SignInPage.shown(browser).signIn(USER, PASSWORD);

        UploadPage.open(browser, tenant.slug(), id, null).awaitFinal().deleteDismissed();
        assertEquals(200, api.get(path).status(), "dismissed: the upload is still there");

        UploadsPage uploads = UploadPage.open(browser, tenant.slug(), id, null).deleteConfirmed();
        assertTrue(uploads.messages().contains("Deleted upload " + id), uploads.messages());
        assertFalse(uploads.uploadIds().contains(id), uploads.uploadIds().toString());
        assertEquals(404, api.get(path).status(), "confirmed: the upload is gone");
    }

    @Test
    void adminPagesNeedSignInHoweverTheirPathIsSpelled() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("admin/tokens/index.xhtml", "%61dmin/tokens/index.xhtml",
                "admin;x=1/tokens/index.xhtml", "admin/tokens;x=1/index.xhtml")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Either the container does not map the spelling to a page at all, or it leads to sign-in.
            assertTrue(page.statusCode() == 302 || page.statusCode() == 404,
                    path + " answered " + page.statusCode() + " without sign-in: " + page.body());
            if (page.statusCode() == 302) {
                assertTrue(page.headers().firstValue("Location").orElse("").contains("/admin/sign-in.xhtml"),
                        path + " leads to sign-in: " + page.headers().map());
            }
        }
    }

    @Test
    void aPostWithoutThisSessionsViewStateChangesNothing() throws Exception {
        SignInPage.open(browser).signIn(USER, PASSWORD);
        String forged = Admin.uniqueSlug("forged");
        String refusal = TenantsPage.open(browser).submitWithForgedViewState(forged, "-4711:1234");
        assertTrue(refusal.contains("nothing was changed"), refusal);
        browser.screenshot("12-refused");
        assertEquals(404, api.get("api/admin/tenants/" + forged).status());

        String session = browser.sessionCookie();
        String missing = Admin.uniqueSlug("forged");
        HttpResponse<String> withoutViewState = postCreateTenant(session, missing, null);
        assertEquals(404, api.get("api/admin/tenants/" + missing).status(),
                "no ViewState: not a postback, nothing acted on (" + withoutViewState.statusCode() + ")");
        HttpResponse<String> withForgedViewState = postCreateTenant(session, forged, "-4711:1234");
        assertEquals(403, withForgedViewState.statusCode());
        assertEquals(404, api.get("api/admin/tenants/" + forged).status());

        HttpResponse<String> signOut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.toURI().resolve("admin/sign-out.xhtml")).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, signOut.statusCode(), "an acting GET without the link's token (protected view)");
        assertEquals(USER, OverviewPage.open(browser).signedInUser(), "still signed in");

        String genuine = Admin.uniqueSlug("genuine");
        HttpResponse<String> withViewState = postCreateTenant(session, genuine,
                TenantsPage.open(browser).createFormViewState());
        assertEquals(302, withViewState.statusCode(), "the control: with this session's ViewState the POST acts");
        assertEquals(200, api.get("api/admin/tenants/" + genuine).status());
    }

    @Test
    void anExpiredSessionLandsOnTheSignInPageWithAMessage() {
        SignInPage.open(browser).signIn(USER, PASSWORD);
        TenantsPage tenants = TenantsPage.open(browser);
        // What the server sees when a session timed out: a cookie naming a session it no longer has.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", "expired-session-of-an-hour-ago", "/"));
        String slug = Admin.uniqueSlug("expired");
        SignInPage signIn = tenants.createAfterSessionEnded(slug, "after expiry");
        assertTrue(signIn.messages().contains("session has expired"), signIn.messages());
        assertEquals(404, api.get("api/admin/tenants/" + slug).status(), "the expired form changed nothing");
        assertEquals(USER, signIn.signIn(USER, PASSWORD).signedInUser(), "signing in again works");

        // The sign-in form itself, submitted after its session ended: Faces' ViewExpiredException, handled.
        SignInPage stale = SignInPage.open(browser);
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", "expired-session-of-an-hour-ago", "/"));
        SignInPage again = stale.signInAfterSessionEnded(USER, PASSWORD);
        assertTrue(again.messages().contains("session has expired"), again.messages());
    }

    private HttpResponse<String> postCreateTenant(String session, String slug, String viewState) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:slug", slug);
        form.put("create:displayName", "forged " + slug);
        form.put("create:submit", "Create tenant");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(base.toURI().resolve("admin/tenants/index.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
