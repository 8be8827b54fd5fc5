package dev.rca.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code --tenant}, or {@code RCA_TENANT}: whose uploads a command works on. */
public class TenantOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", defaultValue = "${env:RCA_TENANT}",
            description = "The tenant the upload belongs to (default: $RCA_TENANT)")
    String tenant;

    String tenant() {
        if (tenant == null || tenant.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no tenant: give --tenant TENANT or set RCA_TENANT");
        }
        return tenant.trim();
    }

    /** {@code api/tenants/{tenant}/uploads/} followed by {@code rest}. */
    String uploads(String rest) {
        return "api/tenants/" + segment(tenant()) + "/uploads" + (rest.isEmpty() ? "" : "/" + rest);
    }

    /**
     * One path segment, percent-encoded. {@code .} and {@code ..} would change the path itself when it is resolved:
     * no tenant, upload or pattern is named so, and they are refused.
     */
    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            throw new UsageError("'" + value + "' is not a name or id");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
