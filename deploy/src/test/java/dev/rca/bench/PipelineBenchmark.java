package dev.rca.bench;

import dev.rca.cli.SampleLog;
import dev.rca.it.Api;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The pipeline's benchmark scenarios against a warm server on PostgreSQL, each run several times, printing every run
 * and per scenario the median and the spread (min – max). Never fails on a figure; it fails only when the server
 * refuses or loses work. Started by {@code deploy/benchmark.sh pipeline}, which starts the server and passes its
 * process id (for heap and RSS) and the admin token (ADMIN_TOKEN).
 *
 * <p>Arguments: {@code BASE_URL SERVER_PID [smoke] [jfr=FILE] [only=N,...] [runs=N] [no-warm-up] [kill=PID]}.
 * {@code smoke} shrinks every scenario to a few seconds (a check that the command works, not figures);
 * {@code jfr=FILE} records a JFR profile of the throughput scenario; {@code only} runs the scenarios of those numbers
 * (2 and 3 are one run; 7, a node killed, only on a cluster, with {@code kill=PID}); {@code runs} sets every
 * scenario's number of runs (quick comparisons while tuning); {@code no-warm-up} skips the warm-up on a server that
 * an earlier invocation warmed.
 */
public final class PipelineBenchmark {

    private static final String TENANT = "bench";
    private static final String FLAG = "telemetry_enhanced_metrics_enabled";
    private static final int MIB = 1024 * 1024;

    private final URI base;
    private final long serverPid;
    private final boolean smoke;
    private final Path jfr;
    private final Set<Integer> scenarios;
    private final Integer runsOverride;
    private final boolean warmUp;
    private final long killPid;
    private final Api api;
    private final Api poller;

    private PipelineBenchmark(URI base, long serverPid, boolean smoke, Path jfr, Set<Integer> scenarios,
                              Integer runsOverride, boolean warmUp, long killPid) {
        this.base = base;
        this.serverPid = serverPid;
        this.smoke = smoke;
        this.jfr = jfr;
        this.scenarios = scenarios;
        this.runsOverride = runsOverride;
        this.warmUp = warmUp;
        this.killPid = killPid;
        this.api = UploadLatencyBenchmark.api(base);
        this.poller = UploadLatencyBenchmark.api(base);
    }

    public static void main(String[] args) throws Exception {
        // The server closes a connection idle for its read-timeout (30 s, deploy/wildfly/undertow.cli); a client that
        // reuses one it kept longer sends a request into a closed socket. Keep pooled connections for less.
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        boolean smoke = false;
        Path jfr = null;
        Set<Integer> scenarios = Set.of(1, 2, 4, 5, 6);
        Integer runs = null;
        boolean warmUp = true;
        long kill = -1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("smoke")) {
                smoke = true;
            } else if (args[i].startsWith("jfr=")) {
                jfr = Path.of(args[i].substring(4)).toAbsolutePath();
            } else if (args[i].startsWith("runs=")) {
                runs = Integer.valueOf(args[i].substring(5));
            } else if (args[i].equals("no-warm-up")) {
                warmUp = false;
            } else if (args[i].startsWith("kill=")) {
                kill = Long.parseLong(args[i].substring(5));
            } else if (args[i].startsWith("only=")) {
                scenarios = Arrays.stream(args[i].substring(5).split(",")).map(Integer::valueOf)
                        .collect(Collectors.toSet());
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + ": smoke, jfr=FILE, only=1,2,..., runs=N, no-warm-up or kill=PID");
            }
        }
        if (scenarios.contains(7) && kill < 0) {
            throw new IllegalArgumentException("scenario 7 kills a node of a cluster: give its process id, kill=PID");
        }
        new PipelineBenchmark(base, pid, smoke, jfr, scenarios, runs, warmUp, kill).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "RCA Pipeline benchmark, %s, server pid %d, %s, %d cores, %s%n", base,
                serverPid, smoke ? "smoke-sized" : "full", Runtime.getRuntime().availableProcessors(), Instant.now());
        createTenant(TENANT);
        setFlag(TENANT, false);
        byte[][] logs = new byte[8][];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = SampleLog.generate(100 + i, 10 * MIB);
        }
        byte[][] small = new byte[64][];
        for (int i = 0; i < small.length; i++) {
            small[i] = SampleLog.generate(1000 + i, 10 * 1024);
        }
        if (warmUp) {
            warmUp(logs, small);
        }
        if (scenarios.contains(1)) {
            singleUploadLatency(logs[0]);
        }
        if (scenarios.contains(2) || scenarios.contains(3)) {
            throughput(logs);
        }
        if (scenarios.contains(4)) {
            smallUploads(small);
        }
        if (scenarios.contains(5)) {
            metricsRender();
        }
        if (scenarios.contains(6)) {
            memory(logs);
        }
        if (scenarios.contains(7)) {
            takeOver(logs);
        }
        System.out.println("done");
    }

    private void warmUp(byte[][] logs, byte[][] small) {
        int large = smoke ? 2 : 30;
        long start = System.nanoTime();
        for (int i = 0; i < large; i++) {
            awaitDone(accept(logs[i % logs.length]));
        }
        List<URI> accepted = new ArrayList<>();
        for (int i = 0; i < (smoke ? 20 : 1000); i++) {
            accepted.add(accept(small[i % small.length]));
        }
        accepted.forEach(this::awaitDone);
        System.out.printf(Locale.ROOT, "%nwarm-up: %d uploads of 10 MiB and %d of 10 KiB in %.1f s%n", large,
                accepted.size(), seconds(start));
    }

    /**
     * Scenario 1: one 10 MiB log, POST until its upload is final (status polled every 5 ms). Reports the time to the
     * chunk stage's commit (its row's {@code recordedAt}, as before the analyze stage existed) and to the end of the
     * analyze stage.
     */
    private void singleUploadLatency(byte[] log) {
        int runs = runs(2, 9);
        System.out.printf(Locale.ROOT, "%n[1] one %,d-byte log: POST -> chunk stage committed, and -> analysed, %d runs%n",
                log.length, runs);
        List<Double> chunked = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Double> accepts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Instant sent = Instant.now();
            long start = System.nanoTime();
            URI location = accept(log);
            double accept = seconds(start);
            JsonObject done = awaitDone(location);
            double total = seconds(start);
            double chunk = Duration.between(sent, stageRecordedAt(done, 1)).toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "    run %d: chunked %.3f s, analysed %.3f s (202 after %.3f s; server:"
                            + " ingest %d ms, chunk %d ms, analyze %d ms)%n", i + 1, chunk, total, accept,
                    stageMillis(done, 0), stageMillis(done, 1), stageMillis(done, 2));
            chunked.add(chunk);
            totals.add(total);
            accepts.add(accept);
        }
        summary("POST -> chunked", chunked, "s", 3);
        summary("POST -> analysed", totals, "s", 3);
        summary("POST -> 202", accepts, "s", 3);
    }

    /**
     * Scenarios 2 and 3: 8 clients upload 10 MiB logs back to back for the window; the tenant's enhanced-metrics flag
     * is switched on and off in equal slices of the same run. MB/s fully chunked = the bytes accepted in the window
     * over the time from its start to the last of those uploads' chunk commits. Per flag state (the state when the
     * POST was sent), the bytes over the time the clients spent on those POSTs: what one client gets through, with the
     * same 8 clients in both states; counting whole uploads this way keeps an upload that outlasts its slice from
     * tipping a slice's figure.
     */
    private void throughput(byte[][] logs) throws Exception {
        int clients = 8;
        int runs = runs(1, 3);
        Duration window = Duration.ofSeconds(smoke ? 10 : 60);
        Duration slice = Duration.ofSeconds(smoke ? 5 : 10);
        System.out.printf(Locale.ROOT, "%n[2, 3] %d clients uploading 10 MiB logs for %d s, %s flipped every %d s"
                + " (off first), %d runs%n", clients, window.toSeconds(), FLAG, slice.toSeconds(), runs);
        List<Double> rates = new ArrayList<>();
        List<Double> analysedRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> uploadRates = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (jfr != null && run == 1) {
                jcmd("JFR.start", "name=rca-bench", "settings=profile", "filename=" + jfr);
            }
            ThroughputRun result = throughputRun(logs, clients, window, slice);
            if (jfr != null && run == 1) {
                jcmd("JFR.stop", "name=rca-bench");
                System.out.println("    JFR profile of run 1: " + jfr);
            }
            System.out.printf(Locale.ROOT, "    run %d: %d uploads, %,d bytes, last chunk committed %.1f s after the"
                            + " start: %.1f MB/s fully chunked (%.1f MB/s fully analysed, %.1f s); per client, flag on"
                            + " %.1f MB/s, off %.1f MB/s: ratio %.3f%n",
                    run, result.uploads, result.bytes, result.seconds, result.megabytesPerSecond(),
                    result.bytes / result.analysedSeconds / 1e6, result.analysedSeconds,
                    result.onRate(), result.offRate(), result.onRate() / result.offRate());
            System.out.printf(Locale.ROOT, "        %.2f uploads/s fully analysed; per upload, POST -> analysed"
                            + " p50 %.1f s, p95 %.1f s; POST -> chunked p50 %.1f s, p95 %.1f s%n",
                    result.uploads / result.analysedSeconds,
                    percentile(result.analysedLatencies, 0.5), percentile(result.analysedLatencies, 0.95),
                    percentile(result.chunkedLatencies, 0.5), percentile(result.chunkedLatencies, 0.95));
            uploadRates.add(result.uploads / result.analysedSeconds);
            p50s.add(percentile(result.analysedLatencies, 0.5));
            p95s.add(percentile(result.analysedLatencies, 0.95));
            rates.add(result.megabytesPerSecond());
            analysedRates.add(result.bytes / result.analysedSeconds / 1e6);
            ratios.add(result.onRate() / result.offRate());
        }
        summary("MB/s fully chunked (MB = 10^6 bytes)", rates, "MB/s", 1);
        summary("MB/s fully analysed", analysedRates, "MB/s", 1);
        summary("enhanced metrics on / off", ratios, "", 3);
        summary("uploads/s fully analysed", uploadRates, "/s", 2);
        summary("POST -> analysed per upload, p50", p50s, "s", 1);
        summary("POST -> analysed per upload, p95", p95s, "s", 1);
    }

    private ThroughputRun throughputRun(byte[][] logs, int clients, Duration window, Duration slice)
            throws Exception {
        AtomicBoolean flagOn = new AtomicBoolean(false);
        AtomicLong[] bytesByState = {new AtomicLong(), new AtomicLong()};
        AtomicLong[] nanosByState = {new AtomicLong(), new AtomicLong()};
        ConcurrentLinkedQueue<Sent> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        long end = start + window.toNanos();
        ExecutorService pool = clients(clients);
        List<Future<?>> workers = backToBack(pool, logs, clients, end, log -> {
            boolean on = flagOn.get();
            long sent = System.nanoTime();
            Instant sentAt = Instant.now();
            accepted.add(new Sent(sentAt, accept(log)));
            nanosByState[on ? 1 : 0].addAndGet(System.nanoTime() - sent);
            bytes.addAndGet(log.length);
            bytesByState[on ? 1 : 0].addAndGet(log.length);
        });
        long sliceNanos = slice.toNanos();
        long sliceStart = start;
        while (sliceStart < end) {
            long sliceEnd = Math.min(end, sliceStart + sliceNanos);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, sliceEnd - System.nanoTime()));
            if (sliceEnd < end) {
                boolean next = !flagOn.get();
                setFlag(TENANT, next);
                flagOn.set(next);
            }
            sliceStart = sliceEnd;
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        setFlag(TENANT, false);
        Instant lastChunk = startedAt;
        Instant lastCommit = startedAt;
        List<Double> chunkedLatencies = new ArrayList<>();
        List<Double> analysedLatencies = new ArrayList<>();
        for (Sent upload : accepted) {
            JsonObject done = awaitDone(upload.location());
            Instant chunked = stageRecordedAt(done, 1);
            Instant completed = Instant.parse(done.getString("completedAt"));
            lastChunk = chunked.isAfter(lastChunk) ? chunked : lastChunk;
            lastCommit = completed.isAfter(lastCommit) ? completed : lastCommit;
            chunkedLatencies.add(Duration.between(upload.at(), chunked).toNanos() / 1e9);
            analysedLatencies.add(Duration.between(upload.at(), completed).toNanos() / 1e9);
        }
        Collections.sort(chunkedLatencies);
        Collections.sort(analysedLatencies);
        return new ThroughputRun(accepted.size(), bytes.get(),
                Duration.between(startedAt, lastChunk).toNanos() / 1e9,
                Duration.between(startedAt, lastCommit).toNanos() / 1e9, chunkedLatencies, analysedLatencies,
                bytesByState[1].get() / (nanosByState[1].get() / 1e9),
                bytesByState[0].get() / (nanosByState[0].get() / 1e9));
    }

    /** What one client does with its log, again and again until the window ends. */
    @FunctionalInterface
    private interface Client {
        void send(byte[] log) throws Exception;
    }

    /** {@code clients} clients on the pool, client c sending log c (mod the logs) back to back until {@code end}. */
    private static List<Future<?>> backToBack(ExecutorService pool, byte[][] logs, int clients, long end,
                                              Client client) {
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            byte[] log = logs[c % logs.length];
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    client.send(log);
                }
                return null;
            }));
        }
        return workers;
    }

    /** An accepted upload and when its POST was sent (the server's timestamps share this machine's clock). */
    private record Sent(Instant at, URI location) {
    }

    /** Latencies sorted, in seconds from the POST. */
    private record ThroughputRun(int uploads, long bytes, double seconds, double analysedSeconds,
                                 List<Double> chunkedLatencies, List<Double> analysedLatencies,
                                 double onBytesPerSecond, double offBytesPerSecond) {
        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }

        double onRate() {
            return onBytesPerSecond / 1e6;
        }

        double offRate() {
            return offBytesPerSecond / 1e6;
        }
    }

    /** Scenario 4: 1,000 uploads of 10 KiB from 16 clients; accept rate, accept latency, then all chunked. */
    private void smallUploads(byte[][] small) throws Exception {
        int uploads = smoke ? 200 : 1000;
        int clients = 16;
        int runs = runs(1, 5);
        System.out.printf(Locale.ROOT, "%n[4] %d uploads of %,d bytes from %d clients, %d runs%n", uploads,
                small[0].length, clients, runs);
        List<Double> rates = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<URI> accepted = new ConcurrentLinkedQueue<>();
            ExecutorService pool = clients(clients);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < uploads) {
                        long sent = System.nanoTime();
                        accepted.add(accept(small[i % small.length]));
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            double acceptSeconds = seconds(start);
            pool.shutdown();
            accepted.forEach(this::awaitDone);
            double chunkedSeconds = seconds(start);
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double rate = uploads / acceptSeconds;
            double p99 = percentile(sorted, 0.99);
            System.out.printf(Locale.ROOT, "    run %d: %.0f uploads/s accepted (%.2f s), all chunked after %.2f s;"
                            + " accept latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", run, rate, acceptSeconds,
                    chunkedSeconds, percentile(sorted, 0.5), p99, sorted.get(sorted.size() - 1));
            rates.add(rate);
            p99s.add(p99);
        }
        summary("uploads/s accepted", rates, "/s", 0);
        summary("p99 accept latency", p99s, "ms", 1);
    }

    /** Scenario 5: /metrics with 1,000 tenants' enhanced metrics on (bench-0000 …), plain and gzipped. */
    private void metricsRender() throws Exception {
        int tenants = smoke ? 50 : 1000;
        int runs = runs(3, 15);
        for (int i = 0; i < tenants; i++) {
            createTenant(String.format(Locale.ROOT, "bench-%04d", i));
        }
        Api.Response on = api.putJson("api/admin/tenants/all-tenants/feature-flags",
                "{\"flags\": {\"" + FLAG + "\": true}}");
        if (on.status() != 200) {
            throw new IllegalStateException("could not enable all tenants: " + on);
        }
        System.out.printf(Locale.ROOT, "%n[5] GET /metrics with every tenant enabled (%d bench-NNNN tenants and"
                + " the others), %d runs after 3 warm-ups%n", tenants, runs);
        try {
            for (MetricsRenderBenchmark.Rendering rendering : MetricsRenderBenchmark.render(base, 3, runs)) {
                summary(String.format(Locale.ROOT, "render (%s, %,d bytes%s)", rendering.encoding(),
                        rendering.bytes(), rendering.encoding().equals("identity")
                                ? String.format(Locale.ROOT, ", %,d samples", rendering.samples()) : ""),
                        rendering.millis(), "ms", 1);
            }
        } finally {
            api.putJson("api/admin/tenants/all-tenants/feature-flags", "{\"flags\": {\"" + FLAG + "\": false}}");
        }
    }

    /**
     * Scenario 6: 50 uploads of 10 MiB sent at once; heap used (sampled every 100 ms with jstat) and the peak RSS
     * (VmHWM, reset before each run) of the server process, and whether it logged an OutOfMemoryError.
     */
    private void memory(byte[][] logs) throws Exception {
        int uploads = smoke ? 10 : 50;
        int runs = runs(1, 3);
        System.out.printf(Locale.ROOT, "%n[6] %d concurrent uploads of 10 MiB, %d runs; server %s%n", uploads, runs,
                maxHeap());
        List<Double> heaps = new ArrayList<>();
        List<Double> rsss = new ArrayList<>();
        Path serverLog = serverLog();
        long logStart = Files.size(serverLog);
        for (int run = 1; run <= runs; run++) {
            Files.writeString(Path.of("/proc", Long.toString(serverPid), "clear_refs"), "5");
            HeapSampler heap = new HeapSampler(serverPid);
            heap.start();
            ExecutorService pool = clients(uploads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<URI>> sent = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < uploads; i++) {
                byte[] log = logs[i % logs.length];
                sent.add(pool.submit(() -> {
                    go.await();
                    return accept(log);
                }));
            }
            go.countDown();
            List<URI> accepted = new ArrayList<>();
            for (Future<URI> upload : sent) {
                accepted.add(upload.get(5, TimeUnit.MINUTES));
            }
            double acceptSeconds = seconds(start);
            pool.shutdown();
            accepted.forEach(this::awaitDone);
            double chunkedSeconds = seconds(start);
            double peakHeap = heap.stop() / MIB;
            double peakRss = peakRssKiB() / 1024.0;
            System.out.printf(Locale.ROOT, "    run %d: all %d accepted after %.1f s and chunked after %.1f s;"
                    + " peak heap used %.0f MiB, peak RSS %.0f MiB%n", run, uploads, acceptSeconds, chunkedSeconds,
                    peakHeap, peakRss);
            heaps.add(peakHeap);
            rsss.add(peakRss);
        }
        summary("peak heap used", heaps, "MiB", 0);
        summary("peak RSS", rsss, "MiB", 0);
        String log = Files.readString(serverLog).substring((int) Math.min(logStart, Files.size(serverLog)));
        System.out.println("    OutOfMemoryError in the server log during the scenario: "
                + (log.contains("OutOfMemoryError") ? "YES" : "none"));
    }

    /**
     * Scenario 7, on a cluster ({@code kill=PID}, the process of one node): 8 clients upload 10 MiB logs through the
     * balancer for 60 s, and a third of the way in that node is killed (SIGKILL). An upload refused or cut off is
     * counted and sent again after 250 ms, as a client does with a 502 or 503. Reports the refusals and how long
     * after the kill they came (the balancer's detection), the time from the kill until every upload accepted before
     * it is final (the other nodes' take-over, with the backlog they inherit, and what waits for the killed node's
     * restart and recovery), and how every accepted upload ended.
     */
    private void takeOver(byte[][] logs) throws Exception {
        int clients = 8;
        Duration window = Duration.ofSeconds(smoke ? 15 : 60);
        Duration killAfter = window.dividedBy(3);
        System.out.printf(Locale.ROOT, "%n[7] %d clients uploading 10 MiB logs for %d s; process %d (a node) killed"
                + " after %d s%n", clients, window.toSeconds(), killPid, killAfter.toSeconds());
        ProcessHandle victim = ProcessHandle.of(killPid)
                .orElseThrow(() -> new IllegalStateException("no process " + killPid + " to kill"));
        ConcurrentLinkedQueue<Sent> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Instant> refusedAt = new ConcurrentLinkedQueue<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        ExecutorService pool = clients(clients);
        List<Future<?>> workers = backToBack(pool, logs, clients, end, log -> {
            Instant sentAt = Instant.now();
            String refusal;
            try {
                Api.Response response = api.upload(TENANT, "text/plain", log);
                if (response.status() == 202) {
                    accepted.add(new Sent(sentAt, response.locationUri()));
                    return;
                }
                refusal = "HTTP " + response.status();
            } catch (UncheckedIOException e) {
                refusal = e.getCause().getClass().getSimpleName();
            }
            refusals.merge(refusal, 1, Integer::sum);
            refusedAt.add(Instant.now());
            TimeUnit.MILLISECONDS.sleep(250);
        });
        TimeUnit.NANOSECONDS.sleep(start + killAfter.toNanos() - System.nanoTime());
        Instant killedAt = Instant.now();
        victim.destroyForcibly();
        System.out.println("    killed at " + killedAt);
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Map<String, Integer> statuses = new TreeMap<>();
        List<Double> beforeFinal = new ArrayList<>();
        Instant last = killedAt;
        for (Sent upload : accepted) {
            JsonObject done = awaitFinal(upload.location(), Duration.ofMinutes(10));
            statuses.merge(done.getString("status"), 1, Integer::sum);
            Instant completed = Instant.parse(done.getString("completedAt"));
            last = completed.isAfter(last) ? completed : last;
            if (upload.at().isBefore(killedAt)) {
                beforeFinal.add(Math.max(0, Duration.between(killedAt, completed).toNanos() / 1e9));
            }
        }
        Collections.sort(beforeFinal);
        if (beforeFinal.isEmpty()) {
            throw new IllegalStateException("no upload was accepted before the kill: " + refusals);
        }
        List<Double> afterKill = refusedAt.stream().map(at -> Duration.between(killedAt, at).toNanos() / 1e9)
                .sorted().toList();
        System.out.printf(Locale.ROOT, "    %d uploads accepted (%d sent before the kill); %d refused or cut off"
                        + " %s%s%n", accepted.size(), beforeFinal.size(), afterKill.size(), new TreeMap<>(refusals),
                afterKill.isEmpty() ? "" : String.format(Locale.ROOT, ", %.1f s to %.1f s after the kill",
                        afterKill.get(0), afterKill.get(afterKill.size() - 1)));
        System.out.printf(Locale.ROOT, "    the uploads sent before the kill final after it: half by %.1f s, 95 %% by"
                        + " %.1f s, all by %.1f s; the last of all %.1f s after it; final statuses %s%n",
                percentile(beforeFinal, 0.5), percentile(beforeFinal, 0.95), percentile(beforeFinal, 1.0),
                Duration.between(killedAt, last).toNanos() / 1e9, statuses);
    }

    /**
     * Polls the upload until it is final, over a balancer that may answer 502/503 or cut a connection while a node
     * goes away: those answers are polled again, anything else that is not the upload is an error.
     */
    private JsonObject awaitFinal(URI location, Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            try {
                Api.Response response = poller.get(location.toString());
                if (response.status() == 200 && Api.finished(response.json())) {
                    return response.json();
                }
                if (response.status() != 200 && response.status() != 502 && response.status() != 503) {
                    throw new IllegalStateException("upload " + location + ": " + response);
                }
            } catch (UncheckedIOException e) {
                // the connection was cut (the balancer or a node went away): poll again
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("upload " + location + " not final after " + deadline);
    }

    /** The runs of a scenario: as asked for with runs=N, else its smoke-sized or full count. */
    private int runs(int smokeRuns, int fullRuns) {
        return runsOverride != null ? runsOverride : smoke ? smokeRuns : fullRuns;
    }

    /** Client threads that never keep the JVM alive: a scenario that fails ends the benchmark instead of hanging it. */
    private static ExecutorService clients(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    private URI accept(byte[] log) {
        Api.Response response = api.upload(TENANT, "text/plain", log);
        if (response.status() != 202) {
            throw new IllegalStateException("upload refused: " + response);
        }
        return response.locationUri();
    }

    /** Polls until the upload is final (every stage has its outcome); anything but success is an error. */
    private JsonObject awaitDone(URI location) {
        JsonObject done = poller.awaitUpload(location, Api::finished, Duration.ofMinutes(5));
        if (!"success".equals(done.getString("status"))) {
            throw new IllegalStateException("upload ended " + done.getString("status") + ": " + done);
        }
        return done;
    }

    private void createTenant(String slug) {
        Api.Response created = api.postJson("api/admin/tenants",
                "{\"slug\": \"" + slug + "\", \"displayName\": \"Benchmark " + slug + "\"}");
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("could not create tenant " + slug + ": " + created);
        }
    }

    private void setFlag(String tenant, boolean on) {
        Api.Response changed = api.putJson("api/admin/tenants/" + tenant + "/feature-flags",
                "{\"flags\": {\"" + FLAG + "\": " + on + "}, \"reason\": \"benchmark\"}");
        if (changed.status() != 200) {
            throw new IllegalStateException("could not set " + FLAG + " of " + tenant + ": " + changed);
        }
    }

    private static Instant stageRecordedAt(JsonObject upload, int stage) {
        return Instant.parse(upload.getJsonArray("stages").getJsonObject(stage).getString("recordedAt"));
    }

    private static long stageMillis(JsonObject upload, int stage) {
        return upload.getJsonArray("stages").getJsonObject(stage).getJsonNumber("durationMs").longValue();
    }

    private String maxHeap() throws IOException, InterruptedException {
        String flags = jcmd("VM.flags");
        int at = flags.indexOf("-XX:MaxHeapSize=");
        if (at < 0) {
            return "max heap unknown";
        }
        String value = flags.substring(at + 16).split("\\s")[0];
        return "max heap " + Long.parseLong(value) / MIB + " MiB";
    }

    private long peakRssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + serverPid);
    }

    private Path serverLog() throws IOException, InterruptedException {
        String properties = jcmd("VM.system_properties");
        for (String line : properties.split("\n")) {
            if (line.startsWith("jboss.server.log.dir=")) {
                return Path.of(line.substring(line.indexOf('=') + 1).replace("\\:", ":"), "server.log");
            }
        }
        throw new IllegalStateException("the server's log directory is not among its system properties");
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(serverPid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double percentile(List<Double> sorted, double fraction) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
    }

    private static void summary(String what, List<Double> values, String unit, int decimals) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        String format = "%." + decimals + "f";
        System.out.printf(Locale.ROOT, "  => %s: median " + format + " %s (min " + format + ", max " + format
                        + ", %d runs)%n", what, sorted.get(sorted.size() / 2), unit, sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Heap used by the server (young and old generations), sampled by {@code jstat -gc} every 100 ms. */
    private static final class HeapSampler {
        private final Process jstat;
        private final AtomicLong peakBytes = new AtomicLong();
        private final Thread reader;

        HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
            reader = new Thread(this::read, "jstat-reader");
            reader.setDaemon(true);
        }

        void start() {
            reader.start();
        }

        double stop() throws InterruptedException {
            jstat.destroy();
            reader.join(5000);
            return peakBytes.get();
        }

        private void read() {
            try {
                List<String> header = null;
                for (String line : (Iterable<String>) jstat.inputReader().lines()::iterator) {
                    List<String> fields = List.of(line.trim().split("\\s+"));
                    if (fields.contains("EU")) {
                        header = fields;
                    } else if (header != null && fields.size() == header.size()) {
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(fields.get(header.indexOf(column)));
                        }
                        long bytes = (long) (used * 1024);
                        peakBytes.accumulateAndGet(bytes, Math::max);
                    }
                }
            } catch (RuntimeException e) {
                // the process was destroyed while a line was read: the samples so far stand
            }
        }
    }
}
