package dev.rca.telemetry.control;

import dev.rca.pipeline.control.StageOutcome;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import io.smallrye.metrics.SharedMetricRegistries;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Cost of the real gate of the enhanced stage metrics: {@link PipelineMetrics#outcomeCommitted} for one committed
 * stage outcome (the enabled tenants' series looked up in memory, then counted for an enabled tenant) on a real
 * SmallRye Metrics registry, with 1,000 tenants, half of them enabled. Prints nanoseconds per outcome for several
 * rounds and their median; never fails. Run: deploy/benchmark.sh stage-gate
 */
public final class StageGateBenchmark {

    static final int TENANTS = 1_000;
    static final int OUTCOMES = 5_000_000;
    static final int ROUNDS = 7;

    public static void main(String[] args) {
        PipelineMetrics cut = new PipelineMetrics();
        cut.registry = SharedMetricRegistries.getOrCreate("benchmark");
        Random random = new Random(7);
        for (int i = 0; i < TENANTS; i += 2) {
            cut.enable("tenant-" + i);
        }
        StageOutcome[] order = new StageOutcome[4096];
        for (int i = 0; i < order.length; i++) {
            // Chunk outcomes: the ingest stage's ungated counters are not part of the gate.
            order[i] = new StageOutcome(UUID.randomUUID(), "tenant-" + random.nextInt(TENANTS), UUID.randomUUID(),
                    Stage.CHUNK, StageStatus.SUCCESS, random.nextInt(5_000), 0, null, Map.of());
        }
        double[] nanos = new double[ROUNDS];
        for (int round = -3; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < OUTCOMES; i++) {
                cut.outcomeCommitted(order[i & 4095]);
            }
            double perOutcome = (System.nanoTime() - start) / (double) OUTCOMES;
            if (round >= 0) {
                nanos[round] = perOutcome;
                System.out.printf("round %d: %.1f ns per outcome%n", round + 1, perOutcome);
            }
        }
        Arrays.sort(nanos);
        System.out.printf("median %.1f ns per outcome (min %.1f, max %.1f) over %d rounds of %,d outcomes,"
                        + " half of them for enabled tenants%n", nanos[ROUNDS / 2], nanos[0], nanos[ROUNDS - 1],
                ROUNDS, OUTCOMES);
    }

    private StageGateBenchmark() {
    }
}
