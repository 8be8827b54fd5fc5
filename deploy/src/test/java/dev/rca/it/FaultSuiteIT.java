package dev.rca.it;

import dev.rca.cli.SampleLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost, nothing doubled, with real processes: clients upload small logs of mixed sizes while the server's
 * JVM is killed with SIGKILL three times and restarted, and while PostgreSQL is restarted twice
 * ({@code pg_ctlcluster … restart -m fast}). Afterwards every upload the server accepted — and every one it
 * committed without the client hearing back — has ended as {@code success}, each file's chunks cover it exactly once
 * (no duplicate, no gap), each upload has one telemetry row per stage, and the DLQ is empty. Prints the figures.
 * {@code -Dfault.uploads=1000} is the long variant; the default keeps {@code .ci/run} short.
 */
class FaultSuiteIT {

    private static final int UPLOADS = Integer.getInteger("fault.uploads", 240);
    private static final int CLIENTS = 4;
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(6);
    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(3);
    /** How often the test looks whether the clients got far enough for the next fault, or recovered from it. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);

    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        // Production-like back-off, shortened: 0.5 s doubling to 5 s over 10 attempts covers a 30 s outage;
        // the recovery sweep looks for uploads stuck a minute.
        server = ServerProcess.fault(List.of("-Drca.upload.max-bytes=16777216", "-Drca.jms.redelivery-delay-ms=500",
                "-Drca.jms.max-redelivery-delay-ms=5000", "-Drca.jms.max-delivery-attempts=10",
                "-Drca.recovery.stuck-after-seconds=60", "-Drca.recovery.sweep-interval-seconds=5",
                "-Drca.recovery.max-resends=3"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serverKilledThreeTimesLosesAndDoublesNothing() throws Exception {
        run("server killed with SIGKILL", 3, () -> {
            server.kill();
            server.start();
        });
    }

    @Test
    void databaseRestartedTwiceLosesAndDoublesNothing() throws Exception {
        String[] cluster = System.getProperty("it.postgresql.cluster", "15 main").split(" ");
        run("PostgreSQL restarted", 2, () -> {
            Process restart = new ProcessBuilder("pg_ctlcluster", cluster[0], cluster[1], "restart", "-m", "fast")
                    .redirectErrorStream(true).start();
            assertTrue(restart.waitFor(60, TimeUnit.SECONDS), "pg_ctlcluster restart finished");
            assertEquals(0, restart.exitValue(), new String(restart.getInputStream().readAllBytes()));
        });
    }

    @FunctionalInterface
    private interface Fault {
        void inflict() throws Exception;
    }

    private void run(String faultName, int faults, Fault fault) throws Exception {
        Api admin = new Api(server.base(), System.getProperty("it.admin.token"));
        Admin.Tenant tenant = new Admin(admin).tenant("fault");
        Api api = admin.withToken(tenant.uploadToken());

        ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        Map<Integer, Integer> otherAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        // Recovery: from a fault to the first 202 of a request sent after it (one in flight may still be answered).
        AtomicLong faultNanos = new AtomicLong(Long.MAX_VALUE);
        AtomicLong recoveredNanos = new AtomicLong();
        Instant deadline = Instant.now().plus(RUN_DEADLINE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Long> recoveryMillis = new ArrayList<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(1000L * faults + c);
                running.add(clients.submit(() -> {
                    byte[] log = null;
                    while (accepted.size() < UPLOADS && Instant.now().isBefore(deadline)) {
                        attempts.incrementAndGet();
                        if (log == null) {
                            log = SampleLog.generate(random.nextLong(), 1024 + random.nextInt(48 * 1024));
                        }
                        long sentNanos = System.nanoTime();
                        try {
                            Api.Response response = api.upload(tenant.slug(), "text/plain", log);
                            if (response.status() == 202) {
                                accepted.add(UUID.fromString(response.json().getString("id")));
                                if (sentNanos > faultNanos.get()) {
                                    recoveredNanos.compareAndSet(0, System.nanoTime());
                                }
                                log = null;
                                continue;
                            }
                            // 503 while a dependency is down or the server is starting; anything else is noted.
                            if (response.status() != 503) {
                                otherAnswers.merge(response.status(), 1, Integer::sum);
                            }
                        } catch (RuntimeException connectionLost) {
                            unanswered.incrementAndGet();
                        }
                        pause(250);
                    }
                    return null;
                }));
            }

            for (int f = 1; f <= faults; f++) {
                int threshold = UPLOADS * f / (faults + 1);
                Await.within(Duration.between(Instant.now(), deadline), WATCH_INTERVAL, accepted::size,
                        size -> size >= threshold);
                long faultAt = System.nanoTime();
                recoveredNanos.set(0);
                faultNanos.set(faultAt);
                fault.inflict();
                Await.within(Duration.between(Instant.now(), deadline), WATCH_INTERVAL, recoveredNanos::get,
                        recovered -> recovered != 0);
                recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(recoveredNanos.get() - faultAt));
                faultNanos.set(Long.MAX_VALUE);
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }

        Instant settleStart = Instant.now();
        Map<String, Long> statuses = awaitSettled(tenant.id());
        long settleMillis = Duration.between(settleStart, Instant.now()).toMillis();
        long acceptedNotSucceeded = Database.count("SELECT COUNT(*) FROM uploads WHERE tenant_id = ?"
                + " AND status <> 'SUCCESS' AND id = ANY (?)", tenant.id(), accepted.toArray(UUID[]::new));
        long acceptedMissing = accepted.size() - Database.count("SELECT COUNT(*) FROM uploads WHERE id = ANY (?)",
                (Object) accepted.toArray(UUID[]::new));
        long badFiles = Database.count("SELECT COUNT(*) FROM upload_files f JOIN uploads u ON u.id = f.upload_id"
                + " LEFT JOIN (SELECT file_id, COUNT(*) n, MAX(sequence) last, MIN(start_byte) first_byte,"
                + " MAX(end_byte) end_byte, SUM(end_byte - start_byte) covered FROM chunks GROUP BY file_id) c"
                + " ON c.file_id = f.id WHERE u.tenant_id = ? AND (c.n IS NULL OR c.n <> c.last + 1"
                + " OR c.first_byte <> 0 OR c.end_byte <> f.bytes OR c.covered <> f.bytes)", tenant.id());
        long badTelemetry = Database.count("SELECT COUNT(*) FROM uploads u WHERE u.tenant_id = ? AND ("
                + "(SELECT COUNT(*) FROM upload_telemetry_events e WHERE e.upload_id = u.id AND e.stage = 'ingest')"
                + " <> 1 OR (SELECT COUNT(*) FROM upload_telemetry_events e WHERE e.upload_id = u.id"
                + " AND e.stage = 'chunk') <> 1)", tenant.id());
        long deadLetters = admin.get("api/admin/dead-letters").json().getJsonNumber("depth").longValue();
        long committed = statuses.values().stream().mapToLong(Long::longValue).sum();

        System.out.printf("fault suite, %s x%d: %d attempts, %d accepted (202), %d committed in all"
                        + " (%d without an answer to the client), %d unanswered; lost %d, not succeeded %d,"
                        + " files with duplicate or missing chunks %d, uploads without exactly one row per stage %d,"
                        + " DLQ %d; statuses %s; other answers %s; recovery after each fault %s ms;"
                        + " settled %d ms after the last upload%n",
                faultName, faults, attempts.get(), accepted.size(), committed, committed - accepted.size(),
                unanswered.get(), acceptedMissing, acceptedNotSucceeded, badFiles, badTelemetry, deadLetters,
                statuses, otherAnswers, recoveryMillis, settleMillis);

        assertTrue(accepted.size() >= UPLOADS, "the clients got their uploads accepted within " + RUN_DEADLINE);
        assertEquals(0, acceptedMissing, "lost: accepted uploads without a row");
        assertEquals(Map.of("SUCCESS", committed), statuses, "every committed upload succeeded");
        assertEquals(0, acceptedNotSucceeded);
        assertEquals(0, badFiles, "each file's chunks cover it once, in sequence, without gaps");
        assertEquals(0, badTelemetry, "one telemetry row per stage per upload");
        assertEquals(0, deadLetters, "nothing in the DLQ");
        assertTrue(otherAnswers.keySet().stream().noneMatch(status -> status >= 500),
                "no server error other than 503: " + otherAnswers);
    }

    /**
     * Waits until no upload of the tenant is processing, at most {@link #SETTLE_DEADLINE}; returns the count per
     * status either way, for the assertions to report.
     */
    private static Map<String, Long> awaitSettled(UUID tenant) throws Exception {
        return Await.within(SETTLE_DEADLINE, Duration.ofMillis(500), () -> statuses(tenant),
                statuses -> !statuses.containsKey("PROCESSING"));
    }

    private static Map<String, Long> statuses(UUID tenant) throws SQLException {
        Map<String, Long> statuses = new TreeMap<>();
        for (Object[] row : Database.query("SELECT status, COUNT(*) FROM uploads WHERE tenant_id = ?"
                + " GROUP BY status", tenant)) {
            statuses.put((String) row[0], ((Number) row[1]).longValue());
        }
        return statuses;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
