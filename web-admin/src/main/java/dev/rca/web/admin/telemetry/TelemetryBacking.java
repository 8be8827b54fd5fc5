package dev.rca.web.admin.telemetry;

import dev.rca.paging.Page;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.telemetry.boundary.TelemetryEvents;
import dev.rca.telemetry.boundary.TelemetryRow;
import dev.rca.web.admin.Filters;
import dev.rca.web.admin.ListingBacking;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** admin/telemetry/index.xhtml: {@code upload_telemetry_events} filtered by tenant, stage, status and time, paged. */
@Named
@RequestScoped
public class TelemetryBacking extends ListingBacking<TelemetryRow> {

    @EJB
    TelemetryEvents telemetry;

    private String stage;

    @Override
    protected Page<TelemetryRow> read(String tenant, String status, Instant from, Instant to, int offset,
                                      int limit) {
        return telemetry.page(tenant, Filters.blankToNull(stage), status, from, to, offset, limit);
    }

    @Override
    protected void addFilters(Map<String, Object> parameters) {
        parameters.put("stage", stage);
    }

    public List<String> getStages() {
        return Arrays.stream(Stage.values()).map(Stage::label).toList();
    }

    public List<String> getStatuses() {
        return Arrays.stream(StageStatus.values()).map(StageStatus::label).toList();
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }
}
