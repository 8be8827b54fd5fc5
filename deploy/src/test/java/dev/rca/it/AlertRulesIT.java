package dev.rca.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped alert rules pass {@code promtool check rules} and their own unit tests (telemetry.test.yml), and the
 * example Alertmanager configuration passes {@code amtool check-config}. Needs no server: promtool evaluates the rules
 * against the series the unit tests declare.
 */
class AlertRulesIT {

    static final Path OPS = Path.of(System.getProperty("it.ops.dir", "ops"));
    static final Path RULES = OPS.resolve("alert-rules").resolve("telemetry.yml");
    static final Path RULE_TESTS = OPS.resolve("alert-rules").resolve("telemetry.test.yml");
    static final Path ALERTMANAGER = OPS.resolve("alertmanager").resolve("alertmanager.yml");

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        assertSucceeds("promtool", "check", "rules", RULES.toString());
    }

    @Test
    void rulesPassTheirUnitTests() throws Exception {
        assertSucceeds("promtool", "test", "rules", RULE_TESTS.toString());
    }

    @Test
    void alertmanagerConfigPassesAmtoolCheck() throws Exception {
        assumeTrue(onPath("amtool"), "amtool is not installed (Debian package prometheus-alertmanager)");
        assertSucceeds("amtool", "check-config", ALERTMANAGER.toString());
    }

    private static void assertSucceeds(String... command) throws IOException, InterruptedException {
        Path file = Path.of(command[command.length - 1]);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing (it.ops.dir=" + OPS + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, executable))
                .anyMatch(Files::isExecutable);
    }
}
