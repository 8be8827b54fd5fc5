package dev.rca.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code rca flags get|set}: the runbook's feature-flag switch, for one tenant or {@code all-tenants}. */
@Command(name = "flags", mixinStandardHelpOptions = true,
        description = "Read or change feature flags (an admin token is needed).",
        subcommands = {FlagsCommand.Read.class, FlagsCommand.Change.class})
public class FlagsCommand {

    static final String ALL_TENANTS = "all-tenants";

    static String path(String scope) {
        return "api/admin/tenants/" + TenantOption.segment(scope) + "/feature-flags";
    }

    /** {@code name = value  (source)} per flag, sorted by name. */
    static String describe(JsonObject flagSet) {
        JsonObject flags = flagSet.getJsonObject("flags");
        JsonObject sources = flagSet.get("sources") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonValue> flag : new TreeMap<>(flags).entrySet()) {
            text.append(flag.getKey()).append(" = ").append(flag.getValue());
            JsonValue source = sources.get(flag.getKey());
            if (source != null) {
                text.append("  (").append(Text.plain(source)).append(')');
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    /**
     * {@code NAME=VALUE} as JSON: {@code true}, {@code false} and {@code null} as themselves, a number as a number,
     * anything else as a string; the server says which values a flag takes.
     */
    static Map<String, JsonValue> assignments(List<String> pairs, CommandSpec spec) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(spec.commandLine(), "'" + pair + "' is not NAME=VALUE");
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (values.put(name, value(value)) != null) {
                throw new ParameterException(spec.commandLine(), "flag " + name + " is given twice");
            }
        }
        return values;
    }

    static JsonValue value(String text) {
        return switch (text) {
            case "true" -> JsonValue.TRUE;
            case "false" -> JsonValue.FALSE;
            case "null" -> JsonValue.NULL;
            default -> number(text);
        };
    }

    private static JsonValue number(String text) {
        try {
            return Json.createValue(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Json.createValue(text);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print the effective flags of a tenant (or of all-tenants) and where each comes from.",
            footerHeading = "%nExample:%n", footer = "  rca flags get acme")
    static class Read extends Scoped {
        @Override
        JsonObject exchange() throws ApiException {
            return connection.api().get(path(scope));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change flags of a tenant (or of all-tenants); prints the effective flags afterwards.",
            footerHeading = "%nExamples:%n",
            footer = {"  rca flags set acme telemetry_enhanced_metrics_enabled=true --reason 'runbook: enable'",
                    "  rca flags set all-tenants telemetry_enhanced_metrics_enabled=false --reason 'rollback'"})
    static class Change extends Scoped {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME=VALUE")
        List<String> pairs;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why: kept in the flag audit trail")
        String reason;

        @Override
        JsonObject exchange() throws ApiException {
            JsonObjectBuilder flags = Json.createObjectBuilder();
            assignments(pairs, spec).forEach(flags::add);
            JsonObjectBuilder body = Json.createObjectBuilder().add("flags", flags);
            if (reason != null) {
                body.add("reason", reason);
            }
            return connection.api().put(path(scope), body.build());
        }
    }

    /** {@code get} and {@code set}: one scope, one exchange with the server, its effective flags printed. */
    abstract static class Scoped implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "TENANT|all-tenants")
        String scope;

        /** The request (its arguments checked before the server is asked), answered by the effective flags. */
        abstract JsonObject exchange() throws ApiException;

        @Override
        public Integer call() throws ApiException {
            PrintWriter out = spec.commandLine().getOut();
            out.print(describe(exchange()));
            out.flush();
            return Rca.OK;
        }
    }
}
