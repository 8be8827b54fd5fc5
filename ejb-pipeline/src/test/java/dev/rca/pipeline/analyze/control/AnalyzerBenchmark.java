package dev.rca.pipeline.analyze.control;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * In-process speed of the analyzer on one core: structure + fold + mine (and everything after) for a generated
 * 10 MB log of about 110,000 lines of 40 B to 80 KB (log4j-style headers, 1 % of events with a stack trace, a few
 * very long lines), fed as bytes through the same {@link LineSplitter} the stage uses. Prints lines/s, MB/s and
 * bytes allocated per run for several rounds (7, or the argument) and their medians; never fails.
 * Run: deploy/benchmark.sh analyzer [ROUNDS]
 */
public final class AnalyzerBenchmark {

    static final int DEFAULT_ROUNDS = 7;
    static final int TARGET_BYTES = 10 * 1024 * 1024;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        byte[] log = generate(new Random(11));
        long lines = count(log);
        System.out.printf("log: %,d bytes, %,d lines%n", log.length, lines);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] rates = new double[rounds];
        double[] allocated = new double[rounds];
        int patterns = 0;
        for (int round = -3; round < rounds; round++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            LogAnalyzer analyzer = new LogAnalyzer(AnalyzerLimits.DEFAULTS, Instant.parse("2026-12-01T00:00:00Z"));
            LogAnalyzer.FileScan scan = analyzer.file(0, "bench.log");
            LineSplitter splitter = new LineSplitter(AnalyzerLimits.DEFAULTS.maxLineChars(), scan::line);
            for (int offset = 0; offset < log.length; offset += 1 << 20) {
                splitter.feed(log, offset, Math.min(1 << 20, log.length - offset));
            }
            splitter.finish();
            scan.finish();
            LogAnalyzer.Analysis analysis = analyzer.finish();
            long nanos = System.nanoTime() - start;
            patterns = analysis.patterns().size();
            if (round >= 0) {
                rates[round] = lines / (nanos / 1e9);
                allocated[round] = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                System.out.printf("round %d: %.0f ms, %,.0f lines/s, %.1f MB/s, %,.0f MB allocated%n", round,
                        nanos / 1e6, rates[round], log.length / (nanos / 1e9) / 1e6, allocated[round] / 1e6);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(allocated);
        System.out.printf("median: %,.0f lines/s (%.1f MB/s), %,.0f MB allocated per run, %d patterns%n",
                rates[rounds / 2], rates[rounds / 2] * log.length / lines / 1e6, allocated[rounds / 2] / 1e6,
                patterns);
    }

    static long count(byte[] log) {
        long lines = 0;
        for (byte b : log) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Log4j-style lines from 40 statements with values, stack traces on 1 % of events, long lines now and then. */
    static byte[] generate(Random random) {
        String[] statements = new String[40];
        String[] words = {"cache", "order", "payment", "session", "queue", "worker", "index", "shard", "lease",
                "token", "retry", "request", "socket", "pool", "commit"};
        for (int i = 0; i < statements.length; i++) {
            StringBuilder statement = new StringBuilder();
            int length = 3 + random.nextInt(9);
            for (int w = 0; w < length; w++) {
                statement.append(w > 0 ? " " : "").append(random.nextInt(4) == 0 ? "%d" : words[random.nextInt(words.length)]);
            }
            statements[i] = statement.toString();
        }
        String[] levels = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
        StringBuilder out = new StringBuilder(TARGET_BYTES + 100_000);
        long time = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
        List<String> trace = new ArrayList<>();
        while (out.length() < TARGET_BYTES) {
            time += random.nextInt(50);
            int statement = random.nextInt(statements.length);
            String message = statements[statement].replace("%d", Integer.toString(random.nextInt(100_000)));
            if (random.nextInt(3_000) == 0) {
                message = message + " payload=" + "x".repeat(20_000 + random.nextInt(60_000));
            }
            out.append(Instant.ofEpochMilli(time).toString().replace('T', ' ').replace("Z", "")).append(' ')
                    .append(levels[statement % levels.length]).append(" [worker-").append(random.nextInt(16))
                    .append("] com.acme.Service").append(statement % 7).append(" - ").append(message).append('\n');
            if (random.nextInt(100) == 0) {
                trace.clear();
                trace.add("java.lang.IllegalStateException: " + statements[statement].replace("%d", "7"));
                for (int f = 0; f < 12; f++) {
                    trace.add("\tat com.acme.Service" + f + ".call(Service" + f + ".java:" + random.nextInt(300) + ")");
                }
                trace.add("\t... 20 more");
                trace.forEach(line -> out.append(line).append('\n'));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
