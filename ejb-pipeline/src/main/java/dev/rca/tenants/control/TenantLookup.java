package dev.rca.tenants.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.tenants.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class TenantLookup {

    @PersistenceContext
    EntityManager em;

    public Tenant byId(UUID id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_TENANT, "no tenant " + id,
                    Map.of("tenant", id.toString()));
        }
        return tenant;
    }

    /** The tenant named by {@code slug}, as in the API's paths; 404 when there is none. */
    public Tenant bySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> new BusinessException(ErrorCode.UNKNOWN_TENANT, "no tenant '" + slug + "'", Map.of("tenant", String.valueOf(slug))));
    }

    public Optional<Tenant> findBySlug(String slug) {
        return em.createNamedQuery(Tenant.FIND_BY_SLUG, Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** 403 when the tenant is deactivated: it keeps its data but accepts no uploads. */
    public static void requireActive(Tenant tenant) {
        if (!tenant.isActive()) {
            throw new BusinessException(ErrorCode.TENANT_INACTIVE, "tenant '" + tenant.getSlug() + "' is deactivated: it accepts no uploads",
                    Map.of("tenant", tenant.getSlug()));
        }
    }
}
