package dev.rca.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * Realistic, reproducible application logs: timestamps, levels, threads, messages of varying length, Java stack
 * traces with causes, some non-ASCII text and the odd very long line. {@code rca sample} uploads one; the
 * integration tests use the same generator.
 */
public final class SampleLog {

    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] LOGGERS = {"com.acme.checkout.PaymentService", "com.acme.gateway.RouteHandler",
            "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "io.undertow.request", "com.acme.auth.TokenFilter"};
    private static final String[] WORDS = {"request", "completed", "timeout", "upstream", "retry", "cache", "miss",
            "connection", "refused", "user", "order", "payment", "latency", "Zürich", "naïve", "日本語", "→", "🚀"};

    private SampleLog() {
    }

    public static byte[] generate(long seed, int targetBytes) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + 64 * 1024);
        Instant time = Instant.parse("2026-11-28T03:00:00Z");
        while (out.size() < targetBytes) {
            time = time.plusMillis(random.nextInt(250));
            String level = LEVELS[random.nextInt(LEVELS.length)];
            StringBuilder line = new StringBuilder(256)
                    .append(time).append(' ').append(level).append(" [worker-").append(random.nextInt(16))
                    .append("] ").append(LOGGERS[random.nextInt(LOGGERS.length)]).append(" - ");
            int words = 3 + random.nextInt(random.nextInt(10) == 0 ? 120 : 25);
            for (int i = 0; i < words; i++) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            line.append("id=").append(random.nextLong()).append('\n');
            if ("ERROR".equals(level)) {
                appendStackTrace(line, random);
            }
            if (random.nextInt(2000) == 0) {
                line.append("payload=").append("x".repeat(40_000 + random.nextInt(40_000))).append('\n');
            }
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void appendStackTrace(StringBuilder line, Random random) {
        line.append("java.lang.IllegalStateException: order ").append(random.nextInt(1_000_000))
                .append(" could not be settled\n");
        int frames = 5 + random.nextInt(30);
        for (int i = 0; i < frames; i++) {
            line.append("\tat com.acme.checkout.Step").append(i).append(".run(Step").append(i).append(".java:")
                    .append(10 + random.nextInt(400)).append(")\n");
        }
        line.append("Caused by: java.net.SocketTimeoutException: Read timed out\n")
                .append("\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n")
                .append("\t... ").append(frames).append(" more\n");
    }
}
