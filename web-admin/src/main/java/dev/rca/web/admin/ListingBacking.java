package dev.rca.web.admin;

import dev.rca.errors.BusinessException;
import dev.rca.paging.Page;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the filtered, paged list pages share (uploads, telemetry): the GET form's tenant, status and time filters,
 * the page they select, and the pager's links that keep the filters. A subclass reads its page and names its own
 * filters in {@link #addFilters(Map)}.
 */
public abstract class ListingBacking<T> {

    public static final int PAGE = 50;

    @EJB
    TenantAdministration tenants;

    private String tenant;
    private String status;
    private String from;
    private String to;
    private int offset;
    private Page<T> page;
    private List<TenantView> tenantList;

    /** The page for the filters given (null matches everything). */
    protected abstract Page<T> read(String tenant, String status, Instant from, Instant to, int offset, int limit);

    /** A subclass's own filters as GET parameters, put between the tenant and the status, as in the forms. */
    protected void addFilters(Map<String, Object> parameters) {
    }

    private Map<String, Object> filters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tenant", tenant);
        addFilters(parameters);
        parameters.put("status", status);
        parameters.put("from", from);
        parameters.put("to", to);
        return parameters;
    }

    public void load() {
        try {
            page = read(Filters.blankToNull(tenant), Filters.blankToNull(status), Filters.time(from, "from"),
                    Filters.time(to, "to"), Math.max(0, offset), PAGE);
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
            page = new Page<>(0, 0, PAGE, List.of());
        }
    }

    public String pageLink(int pageOffset) {
        Map<String, Object> parameters = filters();
        parameters.put("offset", pageOffset);
        return Filters.query(parameters);
    }

    public List<TenantView> getTenantList() {
        if (tenantList == null) {
            tenantList = tenants.list();
        }
        return tenantList;
    }

    public Page<T> getPage() {
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
