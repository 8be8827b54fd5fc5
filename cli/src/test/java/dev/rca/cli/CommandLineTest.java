package dev.rca.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument parsing: what each command accepts, and the usage errors (exit 2) for what it does not. */
class CommandLineTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine line = Rca.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"upload", "report", "lines", "flags", "sample", "verify"}) {
            assertEquals(Rca.OK, run(command, "--help"), command);
        }
        assertTrue(out.toString().contains("Usage: rca flags"), out.toString());
        assertEquals(Rca.OK, run("--help"));
        assertTrue(out.toString().contains("3   finished, but partial"), out.toString());
    }

    @Test
    void uploadParsesItsPathsAndOptions() {
        CommandLine.ParseResult parsed = Rca.commandLine().parseArgs("upload", "a.log", "logs/", "--tenant", "acme",
                "--wait", "--baseline", "b1", "-q", "--api", "http://127.0.0.1:8080/");
        UploadCommand upload = (UploadCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(2, upload.paths.size());
        assertEquals(Path.of("logs/"), upload.paths.get(1));
        assertEquals("acme", upload.tenant.tenant);
        assertTrue(upload.sending.wait);
        assertTrue(upload.sending.quiet);
        assertEquals("b1", upload.sending.baseline);
        assertEquals(URI.create("http://127.0.0.1:8080/"), upload.connection.api);
        assertEquals(1800, upload.sending.timeoutSeconds);
    }

    @Test
    void uploadWithoutAFileIsAUsageError() {
        assertEquals(Rca.USAGE, run("upload", "--tenant", "acme"));
        assertTrue(err.toString().contains("Missing required parameter: 'FILE|DIR'"), err.toString());
    }

    @Test
    void aMissingFileIsAUsageErrorNamingIt(@TempDir Path dir) {
        assertEquals(Rca.USAGE, run("upload", dir.resolve("nope.log").toString(), "--tenant", "acme",
                "--api", "http://127.0.0.1:1/"));
        assertTrue(err.toString().contains("no such file or directory: " + dir.resolve("nope.log")), err.toString());
    }

    @Test
    void baselineWithoutWaitIsAUsageError(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("a.log"), "x\n");
        assertEquals(Rca.USAGE, run("upload", log.toString(), "--tenant", "acme", "--baseline", "b1"));
        assertTrue(err.toString().contains("--baseline needs --wait"), err.toString());
    }

    @Test
    void theTokenIsNeverAnOption() {
        assertEquals(Rca.USAGE, run("report", "u1", "--tenant", "acme", "--token", "secret"));
        assertTrue(err.toString().contains("Unknown options: '--token'"), err.toString());
    }

    @Test
    void linesNeedsAPatternOrAFileButNotBoth() {
        assertEquals(Rca.USAGE, run("lines", "u1", "--tenant", "acme"));
        assertEquals(Rca.USAGE, run("lines", "u1", "--tenant", "acme", "--pattern", "3", "--file", "0"));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        CommandLine.ParseResult parsed = Rca.commandLine().parseArgs("lines", "u1", "--file", "2", "--from", "40",
                "-n", "5");
        LinesCommand lines = (LinesCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(2, lines.source.file.index);
        assertEquals(40, lines.source.file.from);
        assertEquals(5, lines.limit);
        assertNull(lines.source.pattern);
    }

    @Test
    void flagsSetNeedsNameEqualsValue() {
        assertEquals(Rca.USAGE, run("flags", "set", "acme", "--api", "http://127.0.0.1:1/"));
        assertEquals(Rca.USAGE, run("flags", "set", "acme", "telemetry_enhanced_metrics_enabled",
                "--api", "http://127.0.0.1:1/"));
        assertTrue(err.toString().contains("'telemetry_enhanced_metrics_enabled' is not NAME=VALUE"),
                err.toString());
        assertEquals(Rca.USAGE, run("flags", "set", "acme", "a=true", "a=false", "--api", "http://127.0.0.1:1/"));
        assertTrue(err.toString().contains("flag a is given twice"), err.toString());
    }

    @Test
    void theApiAndTokenComeFromTheEnvironment() {
        Connection connection = new Connection().withEnvironment(Map.of("RCA_API", " http://h:1/ ",
                "RCA_TOKEN", " t0k "));
        assertEquals(URI.create("http://h:1/"), connection.baseUrl());
        assertEquals("t0k", connection.token());
    }

    @Test
    void withoutAnApiUrlTheUsageErrorSaysWhatToSet() {
        CommandLine line = Rca.commandLine();
        CommandLine.ParseResult parsed = line.parseArgs("report", "u1");
        ReportCommand report = (ReportCommand) parsed.subcommand().commandSpec().userObject();
        CommandLine.ParameterException missing = assertThrows(
                CommandLine.ParameterException.class,
                () -> report.connection.withEnvironment(Map.of()).baseUrl());
        assertEquals("no API URL: give --api URL or set RCA_API", missing.getMessage());
        CommandLine.ParameterException token = assertThrows(
                CommandLine.ParameterException.class, () -> report.connection.token());
        assertTrue(token.getMessage().startsWith("no token: set RCA_TOKEN or give --token-file"), token.getMessage());
    }

    @Test
    void aTokenFileReadableByOthersIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "rca_up_secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CommandLine.ParseResult parsed = Rca.commandLine().parseArgs("report", "u1", "--token-file", file.toString());
        ReportCommand report = (ReportCommand) parsed.subcommand().commandSpec().userObject();
        CommandLine.ParameterException open = assertThrows(
                CommandLine.ParameterException.class, () -> report.connection.token());
        assertTrue(open.getMessage().contains("is readable by others: chmod 600"), open.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals("rca_up_secret", report.connection.token());
    }

    @Test
    void anApiUrlThatIsNotHttpIsAUsageError() {
        assertEquals(Rca.USAGE, run("report", "u1", "--tenant", "acme", "--api", "localhost:8080"));
        assertTrue(err.toString().contains(
                "--api must be an http:// or https:// URL with a host, not 'localhost:8080'"), err.toString());
        assertEquals(Rca.USAGE, run("verify", "--tenant", "acme", "--api", "http://127.0.0.1:1/", "--prometheus",
                "ftp://127.0.0.1/"));
        assertTrue(err.toString().contains("--prometheus must be an http:// or https:// URL"), err.toString());
    }

    @Test
    void anIdThatWouldChangeThePathIsAUsageError(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "t0k");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Rca.USAGE, run("report", "..", "--tenant", "acme", "--api", "http://127.0.0.1:1/",
                "--token-file", token.toString()));
        assertTrue(err.toString().contains("rca: '..' is not a name or id"), err.toString());
    }

    @Test
    void aFilesLinesTakeNoOffset() {
        assertEquals(Rca.USAGE, run("lines", "u1", "--tenant", "acme", "--file", "0", "--offset", "7",
                "--api", "http://127.0.0.1:1/"));
        assertTrue(err.toString().contains("--offset goes with --pattern"), err.toString());
    }

    @Test
    void sampleSizeIsBounded() {
        assertEquals(Rca.USAGE, run("sample", "--tenant", "acme", "--mb", "0", "--api", "http://127.0.0.1:1/"));
        assertTrue(err.toString().contains("--mb must be 1-256, not 0"), err.toString());
    }

    @Test
    void sampleWritesTheSameLogForTheSameSeedWithoutAServer(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one.log");
        Path two = dir.resolve("two.log");
        assertEquals(Rca.OK, run("sample", "--mb", "1", "--seed", "4", "--out", one.toString()));
        assertEquals(Rca.OK, run("sample", "--mb", "1", "--seed", "4", "--out", two.toString()));
        assertTrue(Files.size(one) >= 1 << 20);
        assertEquals(-1, Files.mismatch(one, two));
        assertTrue(out.toString().startsWith("wrote " + Files.size(one) + " bytes to "), out.toString());
    }

    @Test
    void verifyNeedsItsPrometheus() {
        assertEquals(Rca.USAGE, run("verify", "--tenant", "acme"));
        assertTrue(err.toString().contains("Missing required option: '--prometheus=URL'"), err.toString());
    }
}
