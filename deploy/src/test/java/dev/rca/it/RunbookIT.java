package dev.rca.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the fenced bash, promql and sql blocks of sections 2, 3, 6 and 7 of docs/runbooks/telemetry.md, in order,
 * against the real server, a real Prometheus and the database, so that the runbook cannot drift from the product.
 * Each block's {@code expect=} word says what it must show; a bash block without one must succeed.
 */
class RunbookIT extends DeployedEar {

    static final List<String> EXECUTED_SECTIONS = List.of("2", "3", "6", "7");
    static final Pattern SECTION = Pattern.compile("^## (\\d+)\\.", Pattern.MULTILINE);
    static final Pattern BLOCK = Pattern.compile("^( *)```(bash|promql|sql)( expect=(\\w+))?\\n(.*?)^\\1```",
            Pattern.MULTILINE | Pattern.DOTALL);
    static final Duration DEADLINE = Duration.ofSeconds(60);

    record Block(String section, String language, String expect, String text) {
    }

    @Test
    void runbookCommandsWorkAsWritten() throws Exception {
        List<Block> blocks = blocks(Files.readString(projectRoot().resolve("docs/runbooks/telemetry.md")));
        assertTrue(blocks.size() >= 8, "the runbook's executable blocks: " + blocks);
        Api api = Admin.bootstrap(base);
        Admin admin = new Admin(api);
        Admin.Tenant tenant = admin.tenant("runbook");
        // The runbook's baseline is "every tenant off": other tests may have left theirs on.
        assertEquals(200, admin.putFlag(Admin.ALL_TENANTS, false, "runbook baseline").status());

        try (Prometheus prometheus = Prometheus.scraping(api.base())) {
            for (Block block : blocks) {
                String text = block.text().replace("{tenant_id}", tenant.slug())
                        .replace("{tenant_uuid}", tenant.id().toString());
                switch (block.language()) {
                    case "bash" -> bash(block, text, api, tenant, prometheus);
                    case "promql" -> promql(block, text, prometheus);
                    default -> sql(block, text);
                }
                if (block.language().equals("bash") && text.contains("feature-flags") && text.contains("true}")) {
                    // The runbook's "wait one scrape interval" before the warm-up upload.
                    prometheus.awaitZeroSeries(tenant.slug(), DEADLINE);
                }
            }
        }
    }

    private void bash(Block block, String command, Api api, Admin.Tenant tenant, Prometheus prometheus)
            throws IOException, InterruptedException {
        // Exactly the two options the test environment needs: no terminal, and a non-zero exit on HTTP errors.
        String line = command.replaceAll("(?m)^http ", "http --ignore-stdin --check-status ");
        Path output = Files.createTempFile("rca-it-runbook-", ".log");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", line)
                .directory(projectRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        bash.environment().put("API_HOST", api.base().toString().replaceAll("/+$", ""));
        bash.environment().put("ADMIN_TOKEN", System.getProperty("it.admin.token"));
        bash.environment().put("UPLOAD_TOKEN", tenant.uploadToken());
        bash.environment().put("TENANT", tenant.slug());
        bash.environment().put("RCA_API", api.base().toString());
        bash.environment().put("RCA_TOKEN", tenant.uploadToken());
        bash.environment().put("PROMETHEUS_URL", prometheus.url().toString());
        Process process = bash.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String printed = Files.readString(output);
        Files.delete(output);
        assertTrue(finished, "section " + block.section() + " did not finish: " + command);
        if ("silent".equals(block.expect())) {
            assertEquals("", printed, "section " + block.section() + " prints nothing: " + command);
        } else {
            assertEquals(0, process.exitValue(), "section " + block.section() + ": " + command + "\n" + printed);
        }
    }

    private static void promql(Block block, String query, Prometheus prometheus) {
        String where = "section " + block.section() + ": " + query;
        switch (String.valueOf(block.expect())) {
            case "data" -> prometheus.await(query, samples -> !samples.isEmpty()
                    && samples.stream().allMatch(s -> Double.isFinite(Prometheus.value(s)))
                    && samples.stream().anyMatch(s -> Prometheus.value(s) > 0), DEADLINE);
            case "empty" -> assertTrue(prometheus.query(query).isEmpty(), where);
            case "one" -> prometheus.await(query, samples -> samples.size() == 1
                    && Prometheus.value(samples.get(0)) == 1, DEADLINE);
            default -> throw new AssertionError("promql block without expect=: " + where);
        }
    }

    private static void sql(Block block, String query) throws Exception {
        assertEquals("rows", block.expect(), "section " + block.section());
        Await.until("section " + block.section() + ": rows for each stage from " + query, DEADLINE,
                () -> Database.query(query.strip().replaceAll(";$", "")).stream().map(Arrays::asList).toList(),
                rows -> rows.stream().map(row -> row.get(0)).distinct().count() >= 2);
    }

    static List<Block> blocks(String runbook) {
        List<Block> blocks = new ArrayList<>();
        Matcher sections = SECTION.matcher(runbook);
        List<int[]> bounds = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        while (sections.find()) {
            bounds.add(new int[]{sections.start(), 0});
            numbers.add(sections.group(1));
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : runbook.length();
            if (!EXECUTED_SECTIONS.contains(numbers.get(i))) {
                continue;
            }
            Matcher block = BLOCK.matcher(runbook.substring(bounds.get(i)[0], end));
            while (block.find()) {
                String indent = block.group(1);
                String text = block.group(5).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                blocks.add(new Block(numbers.get(i), block.group(2), block.group(4), text));
            }
        }
        assertFalse(blocks.isEmpty(), "no executable blocks found");
        return blocks;
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("it.ops.dir", "ops")).toAbsolutePath().getParent().getParent();
    }
}
