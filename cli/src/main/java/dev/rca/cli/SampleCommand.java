package dev.rca.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rca sample}: the runbook's warm-up upload, a generated realistic log (the same bytes for the same
 * {@code --seed}), sent like any other upload.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Upload a generated, realistic UTF-8 log (timestamps, levels, threads, stack traces with causes,"
                + " non-ASCII text, the odd 80 KB line): the runbook's 5-10 MB warm-up upload.",
        footerHeading = "%nExamples:%n",
        footer = {"  rca sample --tenant acme", "  rca sample --tenant acme --mb 5 --wait",
                "  rca sample --mb 5 --seed 2 --out node2.log"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted (with --wait: every stage succeeded)", "1:refused by the server, or failed",
                "2:wrong usage", "3:with --wait: finished partial"})
public class SampleCommand extends TenantCommand implements Callable<Integer> {

    static final int MAX_MB = 256;

    @Option(names = "--mb", paramLabel = "MiB", defaultValue = "8",
            description = "The log's size in MiB, 1-" + MAX_MB + " (default: ${DEFAULT-VALUE})")
    int megabytes;

    @Option(names = "--seed", paramLabel = "N", description = "The generator's seed (default: the size)")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the log to FILE instead of uploading it (to try another client, or a bundle)")
    Path out;

    @Mixin
    Sending sending;

    @Override
    public Integer call() throws ApiException, InterruptedException, IOException {
        if (megabytes < 1 || megabytes > MAX_MB) {
            throw new ParameterException(spec.commandLine(), "--mb must be 1-" + MAX_MB + ", not " + megabytes);
        }
        byte[] log = SampleLog.generate(seed != null ? seed : megabytes, megabytes * 1024 * 1024);
        if (out != null) {
            Files.write(out, log);
            spec.commandLine().getOut().println("wrote " + log.length + " bytes to " + out);
            spec.commandLine().getOut().flush();
            return Rca.OK;
        }
        return sending.send(UploadBody.Single.generated("sample-" + megabytes + "mb.log", log), connection, tenant,
                spec);
    }
}
