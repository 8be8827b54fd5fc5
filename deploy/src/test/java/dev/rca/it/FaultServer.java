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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly of its own for the fault suite, started and killed like a real process (Arquillian's container cannot be
 * killed with -9 and come back): the server copy prepare-it-servers.sh made in target/it/fault, on the test
 * database, with the EAR in its deployments folder and its ports shifted by {@link #OFFSET}.
 */
final class FaultServer implements AutoCloseable {

    static final int OFFSET = 300 + Integer.getInteger("it.port.offset", 0);
    private static final Duration START_DEADLINE = Duration.ofSeconds(180);

    private final Path home = Path.of(System.getProperty("it.home.fault"));
    private final List<String> properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private List<ProcessHandle> jvms = List.of();
    private int starts;

    /** @param properties system properties ({@code -Dkey=value}) on top of the bootstrap token and the port offset */
    FaultServer(List<String> properties) throws IOException {
        this.properties = properties;
        Path deployments = home.resolve("standalone/deployments");
        Files.copy(Path.of(System.getProperty("rca.ear")), deployments.resolve("rca-pipeline.ear"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/");
    }

    /** Starts the server and returns once the application answers and readiness is UP. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + OFFSET,
                "-Drca.bootstrap.admin.token=" + System.getProperty("it.admin.token")));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().putAll(Map.of(
                "JAVA_OPTS", "-Xmx512m",
                "POSTGRESQL_URL", System.getProperty("it.postgresql.url"),
                "POSTGRESQL_USER", System.getProperty("it.postgresql.user"),
                "POSTGRESQL_PASSWORD", System.getProperty("it.postgresql.password")));
        process = builder.start();
        starts++;
        awaitReady();
        jvms = process.descendants().toList();
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no graceful undeploy, as a crash or the OOM killer does. */
    void kill() throws InterruptedException {
        jvms = java.util.stream.Stream.concat(jvms.stream(), process.descendants()).distinct().toList();
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

    private void awaitReady() throws InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + (9990 + OFFSET) + "/health/ready");
        Await.until("the fault server is ready", START_DEADLINE, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the fault server exited; see " + home.resolve("console.log"));
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200
                        && http.send(HttpRequest.newBuilder(base().resolve("metrics")).build(),
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
