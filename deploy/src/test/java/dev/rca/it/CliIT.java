package dev.rca.it;

import dev.rca.cli.SampleLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built command line, {@code cli/target/rca.jar}, run as a process by the JRE running the tests, as an engineer
 * runs it: against the real server, with the API and token in the environment, stdout and stderr captured apart.
 */
class CliIT extends DeployedEar {

    static final Pattern ACCEPTED = Pattern.compile("accepted: upload ([0-9a-f-]{36})");
    static final Duration DEADLINE = Duration.ofMinutes(2);

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code java -jar rca.jar args…} with {@code RCA_API} this server and {@code RCA_TOKEN} the given token. */
    Run rca(String token, Path workDir, String... args) throws IOException, InterruptedException {
        return run(token, workDir, false, args);
    }

    /**
     * The same on a terminal: under util-linux's {@code script}, which gives it a pseudo-terminal for its standard
     * input, output and error, all three then in {@link Run#out()} (line ends as {@code \r\n}).
     */
    Run rcaOnTerminal(String token, Path workDir, String... args) throws IOException, InterruptedException {
        return run(token, workDir, true, args);
    }

    private Run run(String token, Path workDir, boolean terminal, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("it.cli.jar")));
        command.addAll(List.of(args));
        if (terminal) {
            String line = String.join(" ", command.stream().map(word -> "'" + word + "'").toList());
            command = List.of("script", "-qec", line, "/dev/null");
        }
        Path out = Files.createTempFile(workDir, "rca-out-", ".txt");
        Path err = Files.createTempFile(workDir, "rca-err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("RCA_API", base.toString());
        environment.put("RCA_TOKEN", token);
        environment.remove("RCA_TENANT");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("rca " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String acceptedId(Run run) {
        Matcher id = ACCEPTED.matcher(run.out());
        assertTrue(id.find(), run.toString());
        return id.group(1);
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void uploadsADirectoryAsOneBundleWithProgressFollowsItsStagesAndPrintsTheReport(@TempDir Path work)
            throws Exception {
        Admin admin = new Admin(Admin.bootstrap(base));
        Admin.Tenant tenant = admin.tenant("cli");
        Path incident = Files.createDirectories(work.resolve("incident-7"));
        Files.write(incident.resolve("app.log"), SampleLog.generate(71, 2 * 1024 * 1024));
        Files.createDirectories(incident.resolve("db"));
        Files.writeString(incident.resolve("db/postgres.log"), """
                2026-11-28 03:00:01.100 UTC [311] LOG:  database system is ready to accept connections
                2026-11-28 03:04:12.007 UTC [977] FATAL:  remaining connection slots are reserved
                2026-11-28 03:04:12.950 UTC [978] FATAL:  remaining connection slots are reserved
                """, StandardCharsets.UTF_8);

        Run upload = rca(tenant.uploadToken(), work, "upload", incident.toString(), "--tenant", tenant.slug(),
                "--wait");

        assertEquals(0, upload.exit(), upload.toString());
        assertTrue(upload.err().contains("uploading incident-7.tar.gz (2 files, 2.0 MiB) to tenant " + tenant.slug()),
                upload.toString());
        // not a terminal: plain progress lines, the last one the whole bundle
        assertTrue(upload.err().contains("] 100%  2.0 MiB / 2.0 MiB"), upload.toString());
        String id = acceptedId(upload);
        for (String stage : List.of("ingest", "chunk", "analyze")) {
            assertTrue(Pattern.compile("(?m)^  " + stage + " +success ").matcher(upload.out()).find(),
                    stage + " followed live: " + upload);
        }
        assertTrue(upload.out().contains("incident-7.tar.gz  2.0 MiB  2 files  SUCCESS"), upload.toString());
        assertTrue(upload.out().contains("top suspects ("), upload.toString());
        assertTrue(upload.out().contains("rca lines " + id + " --tenant " + tenant.slug() + " --pattern "),
                upload.toString());
        assertTrue(upload.out().contains("x java.lang.IllegalStateException"), "SampleLog's stack traces grouped: "
                + upload);
        assertTrue(upload.out().contains("report: " + base + "admin/uploads/upload.xhtml?tenant=" + tenant.slug()
                + "&id=" + id), upload.toString());

        Run report = rca(tenant.uploadToken(), work, "report", id, "--tenant", tenant.slug(), "--json");
        assertEquals(0, report.exit(), report.toString());
        JsonObject printed = json(report.out());
        JsonObject served = admin.uploader(tenant).get("api/tenants/" + tenant.slug() + "/uploads/" + id
                + "/analysis").json();
        assertEquals(served, printed, "--json prints the API's document unchanged");
        assertEquals("success", printed.getString("status"));
        assertEquals(List.of("app.log", "db/postgres.log"), printed.getJsonArray("files").stream()
                .map(file -> file.asJsonObject().getString("name")).sorted().toList());

        String pattern = printed.getJsonArray("suspects").getJsonObject(0).getString("pattern");
        Run lines = rca(tenant.uploadToken(), work, "lines", id, "--tenant", tenant.slug(), "--pattern", pattern,
                "--limit", "3");
        assertEquals(0, lines.exit(), lines.toString());
        assertTrue(lines.out().lines().count() >= 1 && lines.out().lines().count() <= 3, lines.toString());
        assertTrue(lines.out().lines().allMatch(line -> line.matches("\\d+:\\d+: .*")), lines.toString());
    }

    @Test
    void aRefusalPrintsTheServersMessageAndDetailsAndExitsOne(@TempDir Path work) throws Exception {
        Admin admin = new Admin(Admin.bootstrap(base));
        Admin.Tenant tenant = admin.tenant("cli-refused");
        Admin.Tenant other = admin.tenant("cli-other");
        Path broken = Files.write(work.resolve("broken.log"), new byte[]{'o', 'k', '\n', (byte) 0xC3, '(', '\n'});

        Run refused = rca(tenant.uploadToken(), work, "upload", broken.toString(), "--tenant", tenant.slug());
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("rca: refused (HTTP 422 invalid_utf8): "), refused.toString());
        assertTrue(refused.err().contains("  byteOffset: 3"), refused.toString());

        Run foreign = rca(other.uploadToken(), work, "report", "00000000-0000-0000-0000-000000000000",
                "--tenant", tenant.slug());
        assertEquals(1, foreign.exit(), foreign.toString());
        assertTrue(foreign.err().contains("rca: refused (HTTP 403 forbidden): "), foreign.toString());

        // over the test server's rca.upload.max-bytes (16 MiB): refused from the headers, before the body is sent
        Path large = Files.write(work.resolve("large.log"), SampleLog.generate(9, 17 * 1024 * 1024));
        Run tooLarge = rca(tenant.uploadToken(), work, "upload", large.toString(), "--tenant", tenant.slug(), "-q");
        assertEquals(1, tooLarge.exit(), tooLarge.toString());
        assertTrue(tooLarge.err().contains("rca: refused (HTTP 413 upload_too_large): "), tooLarge.toString());
        assertTrue(tooLarge.err().contains("  limitBytes: 16777216"), tooLarge.toString());

        Run usage = rca(tenant.uploadToken(), work, "upload", work.resolve("missing.log").toString(), "--tenant",
                tenant.slug());
        assertEquals(2, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("no such file or directory: "), usage.toString());
    }

    @Test
    void flagsSetThenVerifyAgainstARealPrometheus(@TempDir Path work) throws Exception {
        Admin admin = new Admin(Admin.bootstrap(base));
        Admin.Tenant tenant = admin.tenant("cli-verify");
        String adminToken = System.getProperty("it.admin.token");
        try (Prometheus prometheus = Prometheus.scraping(admin.api().base())) {
            Run off = rca(adminToken, work, "verify", "--tenant", tenant.slug(), "--prometheus",
                    prometheus.url().toString());
            assertEquals(1, off.exit(), "the flag is still off: " + off);
            assertTrue(off.out().contains("[MISS] /metrics: telemetry_enhanced_metrics_enabled is on"), off.toString());

            Run set = rca(adminToken, work, "flags", "set", tenant.slug(), Admin.FLAG + "=true", "--reason",
                    "CliIT: enable");
            assertEquals(0, set.exit(), set.toString());
            assertTrue(set.out().contains(Admin.FLAG + " = true  (tenant)"), set.toString());
            prometheus.awaitZeroSeries(tenant.slug(), DEADLINE);

            Run sample = rca(tenant.uploadToken(), work, "sample", "--tenant", tenant.slug(), "--mb", "1", "--wait",
                    "--quiet");
            assertEquals(0, sample.exit(), sample.toString());
            // not a terminal: plain progress lines
            assertTrue(sample.err().contains("] 100%  1.0 MiB / 1.0 MiB"), "plain progress lines: " + sample);

            Run verify = rca(adminToken, work, "verify", "--tenant", tenant.slug(), "--prometheus",
                    prometheus.url().toString(), "--within", "60");
            assertEquals(0, verify.exit(), verify.toString());
            assertEquals(7, verify.out().lines().filter(line -> line.startsWith("[ok]   ")).count(), verify.toString());
            assertTrue(verify.out().contains("verify: every check passed for tenant " + tenant.slug()),
                    verify.toString());

            // on a terminal the bar is redrawn in place ("\r[…"); --quiet gives plain lines there too
            Run bar = rcaOnTerminal(tenant.uploadToken(), work, "sample", "--tenant", tenant.slug(), "--mb", "1");
            assertEquals(0, bar.exit(), bar.toString());
            assertTrue(bar.out().contains("\r["), "the bar on a terminal: " + bar);
            Run plain = rcaOnTerminal(tenant.uploadToken(), work, "sample", "--tenant", tenant.slug(), "--mb", "1",
                    "--quiet");
            assertEquals(0, plain.exit(), plain.toString());
            assertFalse(plain.out().contains("\r["), "--quiet: no bar on a terminal: " + plain);
            assertTrue(plain.out().contains("] 100%  1.0 MiB / 1.0 MiB"), "--quiet: plain lines: " + plain);
        } finally {
            admin.putFlag(tenant.slug(), false, "CliIT: back off");
        }
    }
}
