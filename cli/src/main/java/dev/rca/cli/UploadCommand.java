package dev.rca.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
public class UploadCommand extends TenantCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Log files or directories of logs")
    List<Path> paths;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The upload's name (default: the file's name, DIR.tar.gz, or bundle.tar.gz)")
    String name;

    @Mixin
    Sending sending;

    @Override
    public Integer call() throws ApiException, IOException, InterruptedException {
        UploadBody body;
        try {
            body = UploadBody.of(paths, name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return sending.send(body, connection, tenant, spec);
    }
}
