package dev.rca.flags.control;

import dev.rca.flags.entity.FeatureFlag;
import dev.rca.flags.entity.AllTenantsFlagSetting;
import dev.rca.flags.entity.TenantFlagSetting;
import dev.rca.tenants.control.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every tenant's effective flags in memory, so that the hot path never queries for a flag. Reloaded on the node
 * that made a change right after it commits (effective before the response), and on every node within a second
 * of the database's {@link FlagVersion} moving or of a new tenant in the {@link TenantDirectory}. Fires
 * {@link FlagChanged} for each tenant value that changed, and for every value of a tenant seen for the first time.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlagCache {

    private static final Logger LOG = Logger.getLogger(FlagCache.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    FlagVersion version;

    @EJB
    TenantDirectory tenants;

    @Inject
    Config config;

    @Inject
    Event<FlagChanged> changes;

    private volatile FlagSnapshot snapshot = FlagSnapshot.EMPTY;
    private Map<FeatureFlag, JsonValue> environment = Map.of();
    private boolean pollFailing;

    @PostConstruct
    void start() {
        environment = readEnvironment();
        reload();
    }

    public FlagSnapshot snapshot() {
        return snapshot;
    }

    /** The flag's value from the environment (MicroProfile Config), if the environment sets one. */
    public JsonValue environmentValue(FeatureFlag flag) {
        return environment.get(flag);
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void poll() {
        try {
            // A new tenant (from the directory) has the all-tenants values: announced like a change.
            if (version.current() != snapshot.version() || tenants.size() != snapshot.tenants().size()) {
                reload();
            }
            pollFailing = false;
        } catch (RuntimeException e) {
            if (!pollFailing) {
                LOG.log(Level.WARNING, "cannot check the feature flag version; flags stay as last loaded", e);
            }
            pollFailing = true;
        }
    }

    /** Loads the flags from the database now. */
    public synchronized void reload() {
        long current = version.current();
        Map<UUID, String> slugs = tenants.slugs();
        Map<UUID, Map<FeatureFlag, JsonValue>> own = new HashMap<>();
        for (TenantFlagSetting setting : em.createNamedQuery(TenantFlagSetting.FIND_ALL, TenantFlagSetting.class)
                .getResultList()) {
            FeatureFlag.byKey(setting.getFlag()).ifPresent(flag -> own
                    .computeIfAbsent(setting.getTenantId(), id -> new EnumMap<>(FeatureFlag.class))
                    .put(flag, FlagValues.parse(setting.getValue())));
        }
        Map<FeatureFlag, JsonValue> global = new EnumMap<>(FeatureFlag.class);
        for (AllTenantsFlagSetting setting : em.createNamedQuery(AllTenantsFlagSetting.FIND_ALL, AllTenantsFlagSetting.class)
                .getResultList()) {
            FeatureFlag.byKey(setting.getFlag()).ifPresent(flag ->
                    global.put(flag, FlagValues.parse(setting.getValue())));
        }
        FlagSnapshot previous = snapshot;
        snapshot = FlagSnapshot.build(current, slugs, own, global, environment);
        announceChanges(previous, snapshot);
    }

    /** Every tenant value that differs from {@code before}; on the first load, every tenant value. */
    private void announceChanges(FlagSnapshot before, FlagSnapshot after) {
        after.tenants().forEach((tenant, flags) -> flags.forEach((flag, value) -> {
            FlagSnapshot.Value old = before.tenants().get(tenant) == null ? null : before.tenants().get(tenant).get(flag);
            if (old == null || !Objects.equals(old.value(), value.value())) {
                changes.fire(new FlagChanged(tenant, after.tenantSlugs().get(tenant), flag, value.value()));
            }
        }));
    }

    private Map<FeatureFlag, JsonValue> readEnvironment() {
        Map<FeatureFlag, JsonValue> values = new EnumMap<>(FeatureFlag.class);
        for (FeatureFlag flag : FeatureFlag.values()) {
            config.getOptionalValue(flag.key(), String.class).ifPresent(text -> {
                JsonValue value = flag.type().parse(text).orElse(null);
                if (value == null) {
                    LOG.severe(() -> "environment value '" + text + "' of flag " + flag.key() + " is not a "
                            + flag.type().label() + "; ignored");
                } else {
                    values.put(flag, value);
                }
            });
        }
        return Map.copyOf(values);
    }
}
