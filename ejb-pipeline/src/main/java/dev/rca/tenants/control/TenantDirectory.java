package dev.rca.tenants.control;

import dev.rca.tenants.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every tenant's id and slug in memory (neither ever changes), so that the pipeline and telemetry name a tenant
 * without a query. Learns of a tenant created on this node when its transaction commits, and of one created on
 * another node within a second (the tenant count is compared every second); each new tenant is announced as
 * {@link TenantAppeared}.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TenantAppeared> appeared;

    private final Map<UUID, String> slugs = new ConcurrentHashMap<>();
    private boolean pollFailing;

    @PostConstruct
    void start() {
        em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultStream()
                .forEach(tenant -> slugs.put(tenant.getId(), tenant.getSlug()));
    }

    /** Every tenant known to this node, by id: a copy. */
    public Map<UUID, String> slugs() {
        return Map.copyOf(slugs);
    }

    public int size() {
        return slugs.size();
    }

    /** The tenant's slug: from memory, or once from the database for a tenant this node has not seen yet. */
    public String slugOf(UUID tenantId) {
        String slug = slugs.get(tenantId);
        if (slug != null) {
            return slug;
        }
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new IllegalArgumentException("no tenant " + tenantId);
        }
        learn(tenant.getId(), tenant.getSlug());
        return tenant.getSlug();
    }

    public void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantCreated created) {
        learn(created.id(), created.slug());
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void poll() {
        try {
            long count = em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult();
            if (count != slugs.size()) {
                em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultStream()
                        .forEach(tenant -> learn(tenant.getId(), tenant.getSlug()));
            }
            pollFailing = false;
        } catch (RuntimeException e) {
            if (!pollFailing) {
                LOG.log(Level.WARNING, "cannot check for new tenants; the directory stays as last loaded", e);
            }
            pollFailing = true;
        }
    }

    private void learn(UUID id, String slug) {
        if (slugs.putIfAbsent(id, slug) == null) {
            appeared.fire(new TenantAppeared(id, slug));
        }
    }
}
