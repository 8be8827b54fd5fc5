package dev.rca.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster test's external ActiveMQ Artemis broker, as deploy/broker.sh creates and runs it (the instance in
 * target/it/broker, kept across a kill so that its journal comes back), killed with SIGKILL like a crash.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    private final Path instance;
    private final int port;
    private final String password;
    private Process process;

    BrokerProcess(Path instance, int port, String password) {
        this.instance = instance;
        this.port = port;
        this.password = password;
    }

    int port() {
        return port;
    }

    /** Starts the broker (creating the instance the first time) and returns once its port accepts connections. */
    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash",
                Path.of(System.getProperty("it.deploy.dir"), "broker.sh").toString(), instance.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        instance.resolveSibling(instance.getFileName() + "-console.log").toFile()));
        // The stage queues' redelivery shortened as on the other test servers: 0.5 s doubling to 5 s, 10 attempts.
        builder.environment().putAll(Map.of("RCA_BROKER_PASSWORD", password, "RCA_BROKER_PORT", Integer.toString(port),
                "RCA_JMS_REDELIVERY_DELAY_MS", "500", "RCA_JMS_MAX_REDELIVERY_DELAY_MS", "5000",
                "RCA_JMS_MAX_DELIVERY_ATTEMPTS", "10", "RCA_BROKER_HEAP", "256m"));
        process = builder.start();
        Await.until("the broker accepts connections on port " + port, START_DEADLINE, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + instance + "-console.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** SIGKILL to the broker's JVM (broker.sh and the instance's script exec into it). */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
