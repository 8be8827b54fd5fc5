package dev.rca.tenants.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.errors.RequestValidation;
import dev.rca.naming.PrintableText;
import dev.rca.tenants.control.TenantCreated;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Creates, lists and (de)activates tenants, and sets how long their uploads are kept. A deactivated tenant keeps its
 * data; its uploads are refused.
 */
@Stateless
public class TenantAdministration {

    private static final Logger LOG = Logger.getLogger(TenantAdministration.class.getName());

    /** The path segment that addresses every tenant at once (feature flags); no tenant can be called so. */
    public static final String ALL_TENANTS = "all-tenants";
    public static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{1,62}";
    static final int MAX_DISPLAY_NAME = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @Inject
    Event<TenantCreated> created;

    @Inject
    RequestValidation validation;

    public TenantView create(NewTenant request) {
        validation.check(request, NewTenant.class);
        String slug = request.slug();
        if (ALL_TENANTS.equals(slug)) {
            throw new BusinessException(ErrorCode.RESERVED_SLUG, "'" + ALL_TENANTS + "' is reserved for the all-tenants endpoints", Map.of("slug", slug));
        }
        if (tenants.findBySlug(slug).isPresent()) {
            throw new BusinessException(ErrorCode.TENANT_EXISTS, "tenant '" + slug + "' exists already",
                    Map.of("slug", slug));
        }
        Tenant tenant = new Tenant(slug, PrintableText.of(request.displayName().strip(), MAX_DISPLAY_NAME), Instant.now());
        em.persist(tenant);
        created.fire(new TenantCreated(tenant.getId(), tenant.getSlug()));
        return TenantView.of(tenant);
    }

    public List<TenantView> list() {
        return em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultStream().map(TenantView::of).toList();
    }

    public TenantView get(String slug) {
        return TenantView.of(tenants.bySlug(slug));
    }

    public Retention retention(String slug) {
        return new Retention(tenants.bySlug(slug).getUploadRetentionDays());
    }

    public Retention setRetention(String slug, Retention retention) {
        validation.check(retention, Retention.class);
        Tenant tenant = tenants.bySlug(slug);
        Integer before = tenant.getUploadRetentionDays();
        tenant.setUploadRetentionDays(retention.uploadRetentionDays());
        LOG.info(() -> "upload retention of tenant " + slug + " changed from " + days(before) + " to "
                + days(retention.uploadRetentionDays()));
        return retention;
    }

    private static String days(Integer days) {
        return days == null ? "none" : days + " days";
    }

    public TenantView setActive(String slug, boolean active) {
        Tenant tenant = tenants.bySlug(slug);
        tenant.setActive(active);
        return TenantView.of(tenant);
    }
}
