package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Cost of one hot-path flag check ({@link FlagCache#isEnabled} reads {@link FlagSnapshot#isTrue}) with 1,000
 * tenants, half of them enabled. Prints nanoseconds per check for several rounds and their median; never fails.
 * Run: deploy/benchmark.sh flag-reads
 */
public final class FlagReadBenchmark {

    static final int TENANTS = 1_000;
    static final int CHECKS = 20_000_000;
    static final int ROUNDS = 7;

    public static void main(String[] args) {
        Random random = new Random(7);
        UUID[] ids = new UUID[TENANTS];
        Map<UUID, String> slugs = new HashMap<>();
        Map<UUID, Map<FeatureFlag, JsonValue>> own = new HashMap<>();
        for (int i = 0; i < TENANTS; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong());
            slugs.put(ids[i], "tenant-" + i);
            own.put(ids[i], Map.of(FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED, i % 2 == 0 ? JsonValue.TRUE
                    : JsonValue.FALSE));
        }
        FlagSnapshot snapshot = FlagSnapshot.build(1, slugs, own, Map.of(), Map.of());
        UUID[] order = new UUID[4096];
        for (int i = 0; i < order.length; i++) {
            order[i] = ids[random.nextInt(TENANTS)];
        }
        double[] nanos = new double[ROUNDS];
        long enabled = 0;
        for (int round = -3; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CHECKS; i++) {
                if (snapshot.isTrue(order[i & 4095], FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED)) {
                    enabled++;
                }
            }
            double perCheck = (System.nanoTime() - start) / (double) CHECKS;
            if (round >= 0) {
                nanos[round] = perCheck;
                System.out.printf("round %d: %.1f ns per check%n", round + 1, perCheck);
            }
        }
        Arrays.sort(nanos);
        System.out.printf("median %.1f ns per check (min %.1f, max %.1f) over %d rounds of %,d checks; %d enabled%n",
                nanos[ROUNDS / 2], nanos[0], nanos[ROUNDS - 1], ROUNDS, CHECKS, enabled);
    }

    private FlagReadBenchmark() {
    }
}
