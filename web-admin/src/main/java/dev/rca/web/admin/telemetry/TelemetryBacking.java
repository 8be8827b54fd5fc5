package dev.rca.web.admin.telemetry;

import dev.rca.web.admin.Filters;
import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.telemetry.boundary.TelemetryEvents;
import dev.rca.paging.Page;
import dev.rca.telemetry.boundary.TelemetryRow;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** admin/telemetry/index.xhtml: {@code upload_telemetry_events} filtered by tenant, stage, status and time, paged. */
@Named
@RequestScoped
public class TelemetryBacking {

    static final int PAGE = 50;

    @EJB
    TelemetryEvents telemetry;

    @EJB
    TenantAdministration tenants;

    private String tenant;
    private String stage;
    private String status;
    private String from;
    private String to;
    private int offset;
    private Page<TelemetryRow> page;
    private List<TenantView> tenantList;

    public void load() {
        try {
            page = telemetry.page(Filters.blankToNull(tenant), Filters.blankToNull(stage), Filters.blankToNull(status),
                    Filters.time(from, "from"), Filters.time(to, "to"), Math.max(0, offset), PAGE);
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
            page = new Page<>(0, 0, PAGE, List.of());
        }
    }

    public List<TenantView> getTenantList() {
        if (tenantList == null) {
            tenantList = tenants.list();
        }
        return tenantList;
    }

    public List<String> getStages() {
        return Arrays.stream(Stage.values()).map(Stage::label).toList();
    }

    public List<String> getStatuses() {
        return Arrays.stream(StageStatus.values()).map(StageStatus::label).toList();
    }

    public String pageLink(int pageOffset) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tenant", tenant);
        parameters.put("stage", stage);
        parameters.put("status", status);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("offset", pageOffset);
        return Filters.query(parameters);
    }


    public Page<TelemetryRow> getPage() {
        return page;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public int getOffset() {
        return offset;
    }

    public void setOffset(int offset) {
        this.offset = offset;
    }
}
