package dev.rca.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the API is and how to prove who is asking: {@code --api} or {@code RCA_API}; the token from {@code RCA_TOKEN}
 * or {@code --token-file} (not readable by group or others, e.g. mode 0600), never from the command line, where every
 * user of the machine could read it in the process list.
 */
public class Connection {

    static final String API_VARIABLE = "RCA_API";
    static final String TOKEN_VARIABLE = "RCA_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL",
            description = "The server's base URL, e.g. https://rca.example.org/ (default: $" + API_VARIABLE + ")")
    URI api;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the token, readable by its owner only (default: $" + TOKEN_VARIABLE + ")")
    Path tokenFile;

    @Option(names = "--insecure",
            description = "Trust any TLS certificate (a self-signed one of a test install); the host name must still"
                    + " match it")
    boolean insecure;

    private Map<String, String> environment = System.getenv();

    Connection withEnvironment(Map<String, String> environment) {
        this.environment = environment;
        return this;
    }

    Api api() {
        return open(baseUrl(), token());
    }

    /** For what the server shows without a token ({@code /metrics}): the token is sent only when one is set. */
    Api publicApi() {
        return open(baseUrl(), tokenFile != null || environment.get(TOKEN_VARIABLE) != null ? token() : null);
    }

    /** The API with this token (or none), its retries told on standard error; the URL is checked first. */
    private Api open(URI base, String token) {
        return new Api(base, token, insecure).withNotices(message -> {
            spec.commandLine().getErr().println("rca: " + message);
            spec.commandLine().getErr().flush();
        });
    }

    URI baseUrl() {
        if (api != null) {
            return checked(api, "--api");
        }
        String value = environment.get(API_VARIABLE);
        if (value == null || value.isBlank()) {
            throw usage("no API URL: give --api URL or set " + API_VARIABLE);
        }
        try {
            return checked(URI.create(value.trim()), API_VARIABLE);
        } catch (IllegalArgumentException e) {
            throw usage(API_VARIABLE + " is not a URL: " + e.getMessage());
        }
    }

    /** An http or https URL with a host, else a usage error naming where it came from. */
    URI checked(URI url, String from) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw usage(from + " must be an http:// or https:// URL with a host, not '" + url + "'");
        }
        return url;
    }

    String token() {
        if (tokenFile != null) {
            return readTokenFile(tokenFile);
        }
        String value = environment.get(TOKEN_VARIABLE);
        if (value == null || value.isBlank()) {
            throw usage("no token: set " + TOKEN_VARIABLE + " or give --token-file FILE (mode 0600)");
        }
        return value.trim();
    }

    private String readTokenFile(Path file) {
        try {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw usage("--token-file " + file + " is readable by others: chmod 600 " + file);
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw usage("--token-file " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw usage("cannot read --token-file " + file + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
