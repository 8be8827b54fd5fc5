package dev.rca.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rca upload FILE|DIR...}: sends a log, or a bundle of logs packed on the fly, with a progress bar; with
 * {@code --wait}, follows the stages to the end and prints the report's summary.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload a log file, or several files or a directory as one tar.gz bundle packed while it is sent"
                + " (no temporary copy). The server decides the format from the bytes: a log, a .gz, a .zip or a"
                + " .tar can be sent as it is."},
        footerHeading = "%nExamples:%n",
        footer = {"  rca upload app.log --tenant acme",
                "  rca upload /var/log/myapp/ --tenant acme --wait",
                "  rca upload app.log db.log gc.log --tenant acme --wait --baseline 7c1a…-…-90aa"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted (with --wait: every stage succeeded)",
                "1:refused by the server (its message and details are printed), or failed", "2:wrong usage",
                "3:with --wait: finished partial (the report says what is missing)"})
public class UploadCommand implements Callable<Integer> {

    static final String CONTENT_TYPE = "application/octet-stream";

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    TenantOption tenant;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Log files or directories of logs")
    List<Path> paths;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The upload's name (default: the file's name, DIR.tar.gz, or bundle.tar.gz)")
    String name;

    @Option(names = {"-w", "--wait"}, description = "Follow the stages until the upload is final, then print the"
            + " report's summary")
    boolean wait;

    @Option(names = "--baseline", paramLabel = "ID",
            description = "With --wait: compare the report with this earlier upload of the tenant")
    String baseline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "With --wait: give up after this long (default: ${DEFAULT-VALUE} s); the upload goes on")
    long timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on standard error")
    boolean quiet;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "With --wait: how many suspects to print (default: ${DEFAULT-VALUE})")
    int top;

    /** How the wait pauses between two looks at the upload; tests replace it. */
    Waiter waiter = millis -> Thread.sleep(millis);

    interface Waiter {
        void pause(long millis) throws InterruptedException;
    }

    @Override
    public Integer call() throws ApiException, IOException, InterruptedException {
        if (baseline != null && !wait) {
            throw new ParameterException(spec.commandLine(), "--baseline needs --wait (or use rca report --baseline)");
        }
        UploadBody body;
        try {
            body = UploadBody.of(paths, name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Api api = connection.api();
        String tenantName = tenant.tenant();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.println("uploading " + body.name() + " (" + body.fileCount()
                    + (body.fileCount() == 1 ? " file, " : " files, ") + Text.bytes(body.sourceBytes())
                    + ") to tenant " + tenantName + " at " + api.base());
            err.flush();
        }
        boolean terminal = System.console() != null;
        Progress[] progress = new Progress[1];
        JsonObject accepted = api.post(tenant.uploads("") + "?name=" + TenantOption.segment(body.name()),
                CONTENT_TYPE, () -> {
                    progress[0] = new Progress(quiet ? nowhere() : err, terminal, body.sourceBytes(), System::nanoTime);
                    return body.publisher(progress[0]);
                });
        if (!quiet) {
            progress[0].done();
        }
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
        JsonObject upload = follow(api, id, out);
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
     * Looks at the upload until it is final, printing each stage's status when it changes: every 0.5 s at first,
     * then every 2 s. Null when {@code --timeout} passed first.
     */
    JsonObject follow(Api api, String id, PrintWriter out) throws ApiException, InterruptedException {
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
            waiter.pause(look < 20 ? 500 : 2000);
        }
    }

    private static PrintWriter nowhere() {
        return new PrintWriter(Writer.nullWriter());
    }
}
