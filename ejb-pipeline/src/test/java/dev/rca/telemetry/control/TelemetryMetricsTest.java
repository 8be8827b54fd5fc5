package dev.rca.telemetry.control;

import org.eclipse.microprofile.metrics.Metadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryMetricsTest {

    /** /metrics selects the application's series by this prefix (MetricsServlet): a series without it is not served. */
    @Test
    void everySeriesStartsWithTheApplicationPrefixAndHasADescription() throws IllegalAccessException {
        List<Field> metadata = Arrays.stream(TelemetryMetrics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == Metadata.class)
                .toList();
        assertEquals(12, metadata.size(), "one Metadata per series family");
        for (Field field : metadata) {
            Metadata series = (Metadata) field.get(null);
            assertTrue(series.getName().startsWith("rca_"), series.getName());
            assertFalse(series.getDescription().isBlank(), series.getName() + " has a description");
        }
    }

    @Test
    void gatedSeriesAreExactlyThoseNamedRcaPipelineStage() {
        assertTrue(TelemetryMetrics.GATED.stream().allMatch(name -> name.startsWith("rca_pipeline_stage")));
        assertFalse(TelemetryMetrics.ENHANCED_ENABLED.getName().startsWith("rca_pipeline_stage"));
        assertFalse(TelemetryMetrics.QUEUE_DEPTH.getName().startsWith("rca_pipeline_stage"));
        assertFalse(TelemetryMetrics.DUPLICATES.getName().startsWith("rca_pipeline_stage"));
    }
}
