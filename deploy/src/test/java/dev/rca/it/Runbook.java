package dev.rca.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The feature-flag runbook's commands, run as an operator runs them: in bash, through real httpie. */
final class Runbook {

    // Verbatim from the runbook, {tenant_id} included; in these text blocks \\" is the runbook's \".
    static final String ENABLE = """
            http PUT $API_HOST/api/admin/tenants/{tenant_id}/feature-flags \
            "flags:= {\\"telemetry_enhanced_metrics_enabled\\": true}" "Authorization: Bearer $ADMIN_TOKEN"\
            """;
    static final String ROLLBACK = """
            http PUT $API_HOST/api/admin/tenants/{tenant_id}/feature-flags \
            "flags:= {\\"telemetry_enhanced_metrics_enabled\\": false}" "Authorization: Bearer $ADMIN_TOKEN"\
            """;

    /**
     * Runs {@code command} for {@code tenant} (a slug or all-tenants) and asserts that httpie exited with 0. Only
     * two options are added: --ignore-stdin, as the test has no terminal, and --check-status, so that an HTTP error
     * is a non-zero exit.
     */
    static void run(String command, URI base, String adminToken, String tenant)
            throws IOException, InterruptedException {
        String line = command.replace("{tenant_id}", tenant)
                .replaceFirst("^http ", "http --ignore-stdin --check-status ");
        Path output = Files.createTempFile("rca-it-httpie-", ".log");
        try {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", line)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            bash.environment().put("API_HOST", base.toString().replaceAll("/+$", ""));
            bash.environment().put("ADMIN_TOKEN", adminToken);
            Process process = bash.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("'" + line + "' did not finish within 60 s: " + Files.readString(output));
            }
            assertEquals(0, process.exitValue(), "'" + line + "' for " + tenant + ": " + Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private Runbook() {
    }
}
