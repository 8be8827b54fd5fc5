package dev.rca.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code rca}: the on-call engineer's command line for the RCA Pipeline (docs/cli.md). Exit codes: 0 done,
 * 1 refused or failed, 2 wrong usage, 3 finished partial.
 */
@Command(name = "rca", mixinStandardHelpOptions = true, versionProvider = Rca.Version.class,
        description = "Upload incident logs to the RCA Pipeline, follow their stages and read the root-cause report.",
        subcommands = {UploadCommand.class, ReportCommand.class, LinesCommand.class, FlagsCommand.class,
                SampleCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused by the server or failed", "2:wrong usage",
                "3:finished, but partial (the report says what is missing)"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  RCA_API     the server's base URL (or --api)",
                "  RCA_TOKEN   an upload or admin token (or --token-file)",
                "  RCA_TENANT  the tenant (or --tenant)"})
public final class Rca {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int PARTIAL = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with this program's error handling: what {@code main} runs, and what the tests run. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Rca());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            PrintWriter err = line.getErr();
            int code = FAILED;
            if (exception instanceof ApiException refused) {
                err.println(describe(refused));
            } else if (exception instanceof UsageError wrong) {
                err.println("rca: " + wrong.getMessage());
                code = USAGE;
            } else {
                err.println("rca: " + exception);
            }
            err.flush();
            return code;
        });
        return commandLine;
    }

    /** The server's refusal as an engineer reads it: status, error code, message, then each detail. */
    static String describe(ApiException refused) {
        StringBuilder text = new StringBuilder("rca: ");
        if (refused.status() > 0) {
            text.append("refused (HTTP ").append(refused.status()).append(' ').append(refused.error()).append("): ");
        }
        text.append(refused.getMessage());
        for (Map.Entry<String, JsonValue> detail : refused.details().entrySet()) {
            text.append(System.lineSeparator()).append("  ").append(detail.getKey()).append(": ")
                    .append(Text.plain(detail.getValue()));
        }
        return text.toString();
    }

    static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : Text.plain(value);
    }

    /** The version in the jar's manifest, written by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rca.class.getPackage().getImplementationVersion();
            return new String[]{"rca " + (version == null ? "(development build)" : version)};
        }
    }
}
