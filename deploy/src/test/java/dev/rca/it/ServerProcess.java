package dev.rca.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly of a test's own, started and killed like a real process (Arquillian's container cannot be killed with -9
 * and come back): a server copy prepare-it-servers.sh made in target/it, with the EAR in the deployments folder of its
 * server base directory and its ports shifted by an offset. The fault suite's server runs on the test database with
 * the embedded broker ({@link #fault}); the cluster test's nodes share one home, each with its own base directory.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(180);

    private final String name;
    private final Path home;
    private final Path base;
    private final int offset;
    private final List<String> properties;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private List<ProcessHandle> jvms = List.of();
    private int starts;

    /**
     * @param base        the server's base directory (its standalone/ copy): configuration, deployments, data, log
     * @param properties  system properties ({@code -Dkey=value}) on top of the bootstrap token and the port offset
     * @param environment on top of the PostgreSQL connection of the test database
     */
    ServerProcess(String name, Path home, Path base, int offset, List<String> properties,
                  Map<String, String> environment) throws IOException {
        this.name = name;
        this.home = home;
        this.base = base;
        this.offset = offset;
        this.properties = properties;
        this.environment = environment;
        Files.copy(Path.of(System.getProperty("rca.ear")), base.resolve("deployments/rca-pipeline.ear"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The fault suite's server: target/it/fault, on the test database, ports shifted by 300. */
    static ServerProcess fault(List<String> properties) throws IOException {
        Path home = Path.of(System.getProperty("it.home.fault"));
        return new ServerProcess("the fault server", home, home.resolve("standalone"),
                300 + Integer.getInteger("it.port.offset", 0), properties, Map.of());
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
    }

    URI management() {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + "/");
    }

    /** Starts the server and returns once the application answers and readiness is UP. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Drca.bootstrap.admin.token=" + System.getProperty("it.admin.token")));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        Map<String, String> variables = new HashMap<>(Map.of(
                "JAVA_OPTS", "-Xmx512m",
                "POSTGRESQL_URL", System.getProperty("it.postgresql.url"),
                "POSTGRESQL_USER", System.getProperty("it.postgresql.user"),
                "POSTGRESQL_PASSWORD", System.getProperty("it.postgresql.password")));
        variables.putAll(environment);
        builder.environment().putAll(variables);
        process = builder.start();
        starts++;
        awaitReady();
        jvms = process.descendants().toList();
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no graceful undeploy, as a crash or the OOM killer does. */
    void kill() throws InterruptedException {
        jvms = Stream.concat(jvms.stream(), process.descendants()).distinct().toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int starts() {
        return starts;
    }

    /** Readiness (database, broker, deployment) answered UP now. */
    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(management().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady() throws InterruptedException {
        Await.until(name + " is ready", START_DEADLINE, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + base.resolve("console.log"));
            }
            try {
                return ready() && http.send(HttpRequest.newBuilder(base().resolve("metrics")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
