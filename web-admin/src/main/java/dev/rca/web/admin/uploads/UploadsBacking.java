package dev.rca.web.admin.uploads;

import dev.rca.web.admin.Filters;
import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.pipeline.boundary.UploadList;
import dev.rca.paging.Page;
import dev.rca.pipeline.boundary.UploadRow;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** admin/uploads/index.xhtml: uploads of every tenant, filtered by a GET form (tenant, status, time), paged. */
@Named
@RequestScoped
public class UploadsBacking {

    static final int PAGE = 50;

    @EJB
    UploadList uploads;

    @EJB
    TenantAdministration tenants;

    private String tenant;
    private String status;
    private String from;
    private String to;
    private int offset;
    private Page<UploadRow> page;
    private List<TenantView> tenantList;

    public void load() {
        try {
            page = uploads.page(Filters.blankToNull(tenant), Filters.blankToNull(status),
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

    public List<String> getStatuses() {
        return Arrays.stream(UploadStatus.values()).map(UploadStatus::label).toList();
    }

    public String pageLink(int pageOffset) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tenant", tenant);
        parameters.put("status", status);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("offset", pageOffset);
        return Filters.query(parameters);
    }


    public Page<UploadRow> getPage() {
        return page;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
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
