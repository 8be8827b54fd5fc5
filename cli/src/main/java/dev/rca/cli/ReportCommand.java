package dev.rca.cli;

import jakarta.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code rca report ID}: the summary of an upload's root-cause report, or with {@code --json} the API's document. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print an upload's root-cause report: stages, top suspects, exception groups, bursts.",
        footerHeading = "%nExamples:%n",
        footer = {"  rca report 0b6e…-…-4f1d --tenant acme",
                "  rca report 0b6e…-…-4f1d --tenant acme --baseline 7c1a…-…-90aa",
                "  rca report 0b6e…-…-4f1d --tenant acme --json | jq '.suspects[0]'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the upload succeeded (or is still running), or --json printed",
                "1:refused (unknown upload, wrong token) or the upload failed", "2:wrong usage",
                "3:the upload finished partial"})
public class ReportCommand extends TenantCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The upload's id")
    String id;

    @Option(names = "--baseline", paramLabel = "ID",
            description = "Compare with this earlier upload of the tenant (new, gone and changed patterns)")
    String baseline;

    @Option(names = "--json", description = "Print the API's analysis document unchanged (for scripts and jq)")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many suspects to print (default: ${DEFAULT-VALUE}); exception groups and bursts: 5")
    int top;

    @Override
    public Integer call() throws ApiException {
        Api api = connection.api();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(api.getText(analysisPath(tenant, id, baseline)));
            out.flush();
            return Rca.OK;
        }
        JsonObject upload = api.get(tenant.uploads(TenantOption.segment(id)));
        return print(api, tenant, upload, true, baseline, new ReportPrinter(top, 5), out);
    }

    static String analysisPath(TenantOption tenant, String id, String baseline) {
        return tenant.uploads(TenantOption.segment(id) + "/analysis"
                + (baseline == null ? "" : "?baseline=" + TenantOption.segment(baseline)));
    }

    /**
     * Prints the upload (with its stages unless they were followed live) and, once its analysis exists, the
     * report's summary and the UI link; the exit code by the upload's status.
     */
    static int print(Api api, TenantOption tenant, JsonObject upload, boolean stages, String baseline,
                     ReportPrinter printer, PrintWriter out) throws ApiException {
        String id = Rca.string(upload, "id");
        out.print(printer.upload(upload, stages));
        try {
            out.print(System.lineSeparator() + printer.analysis(api.get(analysisPath(tenant, id, baseline)),
                    tenant.tenant(), id));
        } catch (ApiException pending) {
            if (pending.status() != 409 || !"analysis_pending".equals(pending.error())) {
                throw pending;
            }
            out.println();
            out.println("analysis: pending (" + pending.getMessage() + ")");
        }
        out.println();
        out.println("report: " + ReportPrinter.uiLink(api.base(), tenant.tenant(), id));
        out.flush();
        return exitCode(Rca.string(upload, "status"));
    }

    /** 1 for a failed upload, 3 for a partial one, else 0. */
    static int exitCode(String status) {
        return switch (status == null ? "" : status) {
            case "failed" -> Rca.FAILED;
            case "partial" -> Rca.PARTIAL;
            default -> Rca.OK;
        };
    }
}
