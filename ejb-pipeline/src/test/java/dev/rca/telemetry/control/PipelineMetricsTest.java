package dev.rca.telemetry.control;

import dev.rca.pipeline.control.StageOutcome;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.ingest.control.IngestSlots;
import dev.rca.tenants.control.TenantAppeared;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gating of the rca_pipeline_stage series, on a real SmallRye Metrics registry of its own per test. */
class PipelineMetricsTest {

    static final UUID TENANT_ID = UUID.randomUUID();

    PipelineMetrics cut;

    @BeforeEach
    void init() {
        cut = new PipelineMetrics();
        cut.registry = SharedMetricRegistries.getOrCreate("test-" + UUID.randomUUID());
        cut.slots = new IngestSlots();
    }

    @Test
    void enablingRegistersEveryStageAndStatusAtZero() {
        cut.enable("acme");

        assertEquals(Stage.values().length * StageStatus.values().length, gated("acme", "rca_pipeline_stage").size());
        assertEquals(Stage.values().length, gated("acme", "rca_pipeline_stage_duration").size());
        for (MetricID id : gated("acme", "rca_pipeline_stage")) {
            assertEquals(0, ((Counter) cut.registry.getMetric(id)).getCount(), id.toString());
        }
        assertEquals(1, gated("acme", "rca_telemetry_enhanced_metrics_enabled").size());
    }

    @Test
    void outcomesCountOnlyForEnabledTenants() {
        cut.enable("acme");

        cut.outcomeCommitted(outcome("acme", Stage.CHUNK, StageStatus.SUCCESS));
        cut.outcomeCommitted(outcome("other", Stage.CHUNK, StageStatus.SUCCESS));

        assertEquals(1, counter("acme", Stage.CHUNK, StageStatus.SUCCESS).getCount());
        assertEquals(0, counter("acme", Stage.INGEST, StageStatus.SUCCESS).getCount());
        assertEquals(1, ((Timer) cut.registry.getMetric(new MetricID("rca_pipeline_stage_duration",
                new Tag("tenant", "acme"), new Tag("stage", "chunk")))).getCount());
        assertTrue(gated("other", "rca_pipeline_stage").isEmpty(), "an outcome never registers a gated series");
    }

    @Test
    void disablingRemovesAllOfTheTenantsSeriesAndLateOutcomesDoNotBringThemBack() {
        cut.enable("acme");
        cut.enable("keep");

        cut.disable("acme");
        cut.outcomeCommitted(outcome("acme", Stage.INGEST, StageStatus.SUCCESS));

        assertTrue(gated("acme", "rca_pipeline_stage").isEmpty());
        assertTrue(gated("acme", "rca_pipeline_stage_duration").isEmpty());
        assertTrue(gated("acme", "rca_telemetry_enhanced_metrics_enabled").isEmpty());
        assertEquals(Stage.values().length * StageStatus.values().length, gated("keep", "rca_pipeline_stage").size(),
                "other tenants keep theirs");
    }

    @Test
    void reEnablingStartsAgainFromZero() {
        cut.enable("acme");
        cut.outcomeCommitted(outcome("acme", Stage.INGEST, StageStatus.SUCCESS));
        cut.disable("acme");

        cut.enable("acme");

        assertEquals(Stage.values().length * StageStatus.values().length, gated("acme", "rca_pipeline_stage").size());
        assertEquals(0, counter("acme", Stage.INGEST, StageStatus.SUCCESS).getCount());
    }

    @Test
    void uploadsReceivedAndRefusedAreCountedWhateverTheFlag() {
        cut.outcomeCommitted(new StageOutcome(TENANT_ID, "other", UUID.randomUUID(), Stage.INGEST,
                StageStatus.SUCCESS, 5, 1234, null, Map.of()));
        cut.outcomeCommitted(new StageOutcome(TENANT_ID, "other", null, Stage.INGEST, StageStatus.FAILED, 1,
                0, "invalid_utf8", Map.of()));

        assertEquals(1, ((Counter) cut.registry.getMetric(new MetricID("rca_uploads_received",
                new Tag("tenant", "other")))).getCount());
        assertEquals(1234, ((Counter) cut.registry.getMetric(new MetricID("rca_upload_bytes_received",
                new Tag("tenant", "other")))).getCount());
        assertEquals(1, ((Counter) cut.registry.getMetric(new MetricID("rca_uploads_refused",
                new Tag("tenant", "other"), new Tag("reason", "invalid_utf8")))).getCount());
        assertTrue(gated("other", "rca_pipeline_stage").isEmpty());
    }

    @Test
    void aTenantsUngatedCountersStartAtZeroWhenItAppears() {
        cut.tenantAppeared(new TenantAppeared(TENANT_ID, "fresh"));

        assertEquals(0, ((Counter) cut.registry.getMetric(new MetricID("rca_uploads_received",
                new Tag("tenant", "fresh")))).getCount());
        assertEquals(0, ((Counter) cut.registry.getMetric(new MetricID("rca_upload_bytes_received",
                new Tag("tenant", "fresh")))).getCount());
        assertEquals(0L, ((Gauge<?>) cut.registry.getMetric(new MetricID("rca_upload_slots_in_use",
                new Tag("tenant", "fresh")))).getValue().longValue(), "no upload of it holds a slot");
        assertTrue(gated("fresh", "rca_pipeline_stage").isEmpty(), "flag off: no gated series");
    }

    private static StageOutcome outcome(String tenant, Stage stage, StageStatus status) {
        return new StageOutcome(TENANT_ID, tenant, UUID.randomUUID(), stage, status, 120, 0, null, Map.of());
    }

    private Counter counter(String tenant, Stage stage, StageStatus status) {
        return (Counter) cut.registry.getMetric(new MetricID("rca_pipeline_stage", new Tag("tenant", tenant),
                new Tag("stage", stage.label()), new Tag("status", status.label())));
    }

    private Set<MetricID> gated(String tenant, String name) {
        return cut.registry.getMetricIDs().stream()
                .filter(id -> id.getName().equals(name) && tenant.equals(id.getTags().get("tenant")))
                .collect(Collectors.toSet());
    }
}
