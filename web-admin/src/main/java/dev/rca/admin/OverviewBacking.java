package dev.rca.admin;

import dev.rca.telemetry.boundary.Overview;
import dev.rca.telemetry.boundary.TelemetryEvents;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** admin/index.xhtml: the last hour per stage, queue depths, the tenants with enhanced metrics on. */
@Named
@RequestScoped
public class OverviewBacking {

    static final Duration WINDOW = Duration.ofHours(1);

    @EJB
    TelemetryEvents telemetry;

    private Overview overview;

    public Overview getOverview() {
        if (overview == null) {
            overview = telemetry.overview(WINDOW);
        }
        return overview;
    }

    public List<Map.Entry<String, Long>> getQueueDepths() {
        return List.copyOf(getOverview().queueDepths().entrySet());
    }
}
