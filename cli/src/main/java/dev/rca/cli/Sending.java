package dev.rca.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How {@code upload} and {@code sample} send a body and what they do after: the progress on standard error, the
 * server's answer, and with {@code --wait} each stage live until the upload is final, then the report's summary.
 */
public class Sending {

    static final String CONTENT_TYPE = "application/octet-stream";

    @Option(names = {"-w", "--wait"}, description = "Follow the stages until the upload is final, then print the"
            + " report's summary")
    boolean wait;

    @Option(names = "--baseline", paramLabel = "ID",
            description = "With --wait: compare the report with this earlier upload of the tenant")
    String baseline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "With --wait: give up after this long (default: ${DEFAULT-VALUE} s); the upload goes on")
    long timeoutSeconds;

    @Option(names = {"-q", "--quiet"},
            description = "Plain progress lines (one per 10 %%) instead of the bar, also on a terminal")
    boolean quiet;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "With --wait: how many suspects to print (default: ${DEFAULT-VALUE})")
    int top;

    /**
     * Sends the body ({@code application/octet-stream}: the server decides the format from the bytes) and, with
     * {@code --wait}, follows it. The exit code: 0 accepted (with {@code --wait}: succeeded), 3 partial, 1 failed
     * or still processing at the timeout.
     */
    int send(UploadBody body, Connection connection, TenantOption tenant, CommandSpec spec)
            throws ApiException, InterruptedException, IOException {
        if (baseline != null && !wait) {
            throw new ParameterException(spec.commandLine(), "--baseline needs --wait (or use rca report --baseline)");
        }
        Api api = connection.api();
        String tenantName = tenant.tenant();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("uploading " + body.name() + " (" + body.fileCount()
                + (body.fileCount() == 1 ? " file, " : " files, ") + Text.bytes(body.sourceBytes())
                + ") to tenant " + tenantName + " at " + api.base());
        err.flush();
        boolean terminal = !quiet && Progress.onTerminal();
        Progress[] progress = new Progress[1];
        JsonObject accepted = api.post(tenant.uploads("") + "?name=" + TenantOption.segment(body.name()),
                CONTENT_TYPE, () -> {
                    progress[0] = new Progress(err, terminal, body.sourceBytes(), System::nanoTime);
                    return body.publisher(progress[0]);
                });
        progress[0].done();
        body.noteGrowth(progress[0]);
        String id = Rca.string(accepted, "id");
        out.println("accepted: upload " + id + " (" + Rca.string(accepted, "status") + ")");
        for (JsonValue value : accepted.getJsonArray("warnings")) {
            out.println("  warning: " + Rca.string(value.asJsonObject(), "message"));
        }
        if (!wait) {
            out.println("follow it: rca report " + id + " --tenant " + tenantName);
            out.println("report: " + ReportPrinter.uiLink(api.base(), tenantName, id));
            out.flush();
            return Rca.OK;
        }
        out.flush();
        JsonObject upload = follow(api, tenant, id, out);
        if (upload == null) {
            out.println("still processing after " + timeoutSeconds + " s; the upload goes on: rca report " + id
                    + " --tenant " + tenantName);
            out.flush();
            return Rca.FAILED;
        }
        out.println();
        return ReportCommand.print(api, tenant, upload, false, baseline, new ReportPrinter(top, 5), out);
    }

    /**
     * Looks at the upload until it is final, printing each stage's status when it changes: every 0.5 s for the
     * first 10 s, then every 2 s. Null when {@code --timeout} passed first.
     */
    JsonObject follow(Api api, TenantOption tenant, String id, PrintWriter out)
            throws ApiException, InterruptedException {
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        for (int look = 0; ; look++) {
            JsonObject upload = api.get(tenant.uploads(TenantOption.segment(id)));
            for (JsonValue value : upload.getJsonArray("stages")) {
                JsonObject stage = value.asJsonObject();
                String status = Rca.string(stage, "status");
                if (!status.equals(seen.put(Rca.string(stage, "stage"), status)) && !"pending".equals(status)) {
                    out.println(ReportPrinter.stage(stage));
                    out.flush();
                }
            }
            if (!"processing".equals(Rca.string(upload, "status"))) {
                return upload;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(look < 20 ? 500 : 2000);
        }
    }
}
