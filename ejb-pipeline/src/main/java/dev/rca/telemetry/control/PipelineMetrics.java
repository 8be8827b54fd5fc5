package dev.rca.telemetry.control;

import dev.rca.errors.ErrorCode;
import dev.rca.flags.control.FlagChanged;
import dev.rca.flags.entity.FeatureFlag;
import dev.rca.pipeline.control.DuplicateRequest;
import dev.rca.pipeline.control.StageOutcome;
import dev.rca.pipeline.control.UploadDeleted;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.pipeline.ingest.control.IngestSlots;
import dev.rca.pipeline.ingest.control.Ingestion;
import dev.rca.tenants.control.TenantAppeared;
import dev.rca.tenants.control.TenantDirectory;
import dev.rca.users.control.SignInAttempted;
import dev.rca.users.entity.SignInOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * Feeds the Prometheus series. The gated ones ({@link TelemetryMetrics#GATED}) exist exactly for the tenants whose
 * {@code telemetry_enhanced_metrics_enabled} flag is on: turning it on registers every stage and status at 0,
 * turning it off removes them, and a stage outcome only ever increments series that exist — it never registers
 * one. Outcomes are counted after their transaction committed, so a rolled-back or redelivered attempt counts once.
 */
@ApplicationScoped
public class PipelineMetrics {

    private static final Logger LOG = Logger.getLogger(PipelineMetrics.class.getName());
    static final FeatureFlag FLAG = FeatureFlag.TELEMETRY_ENHANCED_METRICS_ENABLED;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    QueueDepths queueDepths;

    @Inject
    TenantDirectory tenants;

    @Inject
    IngestSlots slots;

    private final Map<String, TenantSeries> enabled = new ConcurrentHashMap<>();

    /** One enabled tenant's gated series, kept so that an outcome never looks anything up in the registry. */
    record TenantSeries(Map<Stage, Map<StageStatus, Counter>> outcomes, Map<Stage, Timer> durations) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        queueDepths.register(registry);
        for (Stage stage : Stage.queued()) {
            registry.counter(TelemetryMetrics.DUPLICATES, new Tag(TelemetryMetrics.STAGE, stage.label()));
        }
        tenants.slugs().values().forEach(this::registerUngated);
        for (String table : List.of(TelemetryMetrics.TELEMETRY_TABLE, TelemetryMetrics.SIGN_IN_TABLE)) {
            registry.counter(TelemetryMetrics.RETENTION_ROWS_DELETED, new Tag(TelemetryMetrics.TABLE, table));
        }
        for (SignInOutcome outcome : SignInOutcome.values()) {
            if (outcome != SignInOutcome.PENDING) {
                registry.counter(TelemetryMetrics.SIGN_INS, new Tag(TelemetryMetrics.OUTCOME, outcome.label()));
            }
        }
    }

    void uploadDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadDeleted deleted) {
        registry.counter(TelemetryMetrics.UPLOADS_DELETED, new Tag(TelemetryMetrics.TENANT, deleted.tenantSlug()),
                new Tag(TelemetryMetrics.TRIGGER, deleted.trigger().label())).inc();
    }

    /** The retention sweep deleted {@code rows} rows of {@code table}. */
    public void retentionDeleted(String table, int rows) {
        registry.counter(TelemetryMetrics.RETENTION_ROWS_DELETED, new Tag(TelemetryMetrics.TABLE, table)).inc(rows);
    }

    void signInAttempted(@Observes SignInAttempted attempt) {
        registry.counter(TelemetryMetrics.SIGN_INS, new Tag(TelemetryMetrics.OUTCOME, attempt.outcome().label()))
                .inc();
    }

    void tenantAppeared(@Observes TenantAppeared tenant) {
        registerUngated(tenant.slug());
    }

    void duplicateSkipped(@Observes(during = TransactionPhase.AFTER_SUCCESS) DuplicateRequest duplicate) {
        registry.counter(TelemetryMetrics.DUPLICATES, new Tag(TelemetryMetrics.STAGE, duplicate.stage().label()))
                .inc();
    }

    void flagChanged(@Observes FlagChanged change) {
        if (change.flag() != FLAG || change.tenantSlug() == null) {
            return;
        }
        if (change.value() == JsonValue.TRUE) {
            enable(change.tenantSlug());
        } else {
            disable(change.tenantSlug());
        }
    }

    void outcomeCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StageOutcome outcome) {
        Tag tenant = new Tag(TelemetryMetrics.TENANT, outcome.tenantSlug());
        if (outcome.stage() == Stage.INGEST) {
            if (outcome.error() != null) {
                registry.counter(TelemetryMetrics.UPLOADS_REFUSED, tenant,
                        new Tag(TelemetryMetrics.REASON, outcome.error())).inc();
            } else if (outcome.status() != StageStatus.FAILED) {
                registry.counter(TelemetryMetrics.UPLOADS_RECEIVED, tenant).inc();
                registry.counter(TelemetryMetrics.BYTES_RECEIVED, tenant).inc(outcome.bytes());
            }
        }
        // Present exactly while the flag is on (FlagChanged keeps it so): no flag lookup, no registration here.
        TenantSeries series = enabled.get(outcome.tenantSlug());
        if (series != null) {
            series.outcomes().get(outcome.stage()).get(outcome.status()).inc();
            series.durations().get(outcome.stage()).update(Duration.ofMillis(outcome.durationMs()));
        }
    }

    /**
     * Registers a tenant's ungated series at 0, so that Prometheus sees the 0 before the first upload and
     * increase() counts that upload: received, bytes, every refusal reason, deletions, slots in use.
     */
    void registerUngated(String tenant) {
        Tag tenantTag = new Tag(TelemetryMetrics.TENANT, tenant);
        registry.counter(TelemetryMetrics.UPLOADS_RECEIVED, tenantTag);
        registry.counter(TelemetryMetrics.BYTES_RECEIVED, tenantTag);
        for (ErrorCode reason : Ingestion.REFUSALS) {
            registry.counter(TelemetryMetrics.UPLOADS_REFUSED, tenantTag, new Tag(TelemetryMetrics.REASON, reason.label()));
        }
        for (UploadDeleted.Trigger trigger : UploadDeleted.Trigger.values()) {
            registry.counter(TelemetryMetrics.UPLOADS_DELETED, tenantTag,
                    new Tag(TelemetryMetrics.TRIGGER, trigger.label()));
        }
        ToIntFunction<String> inUse = slots.inUse();
        registry.gauge(TelemetryMetrics.SLOTS_IN_USE, () -> inUse.applyAsInt(tenant), tenantTag);
    }

    synchronized void enable(String tenant) {
        if (enabled.containsKey(tenant)) {
            return;
        }
        Tag tenantTag = new Tag(TelemetryMetrics.TENANT, tenant);
        Map<Stage, Map<StageStatus, Counter>> outcomes = new EnumMap<>(Stage.class);
        Map<Stage, Timer> durations = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Tag stageTag = new Tag(TelemetryMetrics.STAGE, stage.label());
            Map<StageStatus, Counter> byStatus = new EnumMap<>(StageStatus.class);
            for (StageStatus status : StageStatus.values()) {
                byStatus.put(status, registry.counter(TelemetryMetrics.STAGE_OUTCOMES, tenantTag, stageTag,
                        new Tag(TelemetryMetrics.STATUS, status.label())));
            }
            outcomes.put(stage, byStatus);
            durations.put(stage, registry.timer(TelemetryMetrics.STAGE_DURATION, tenantTag, stageTag));
        }
        registry.gauge(TelemetryMetrics.ENHANCED_ENABLED, () -> 1, tenantTag);
        enabled.put(tenant, new TenantSeries(outcomes, durations));
        LOG.info(() -> "enhanced pipeline metrics on for tenant " + tenant);
    }

    synchronized void disable(String tenant) {
        if (enabled.remove(tenant) == null) {
            return;
        }
        registry.removeMatching((id, metric) -> tenant.equals(id.getTags().get(TelemetryMetrics.TENANT))
                && (TelemetryMetrics.GATED.contains(id.getName())
                || TelemetryMetrics.ENHANCED_ENABLED.getName().equals(id.getName())));
        LOG.info(() -> "enhanced pipeline metrics off for tenant " + tenant + ": its series are removed");
    }
}
