package dev.rca.telemetry.control;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.util.Set;

/**
 * Every series the application exports on /metrics: names, label keys and descriptions in one place. Names that
 * start with {@code rca_pipeline_stage} are gated by the tenant's {@code telemetry_enhanced_metrics_enabled} flag;
 * the others are always there. docs/telemetry/overview.md describes each.
 */
public final class TelemetryMetrics {

    public static final String TENANT = "tenant";
    public static final String STAGE = "stage";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String QUEUE = "queue";
    public static final String OUTCOME = "outcome";
    public static final String TRIGGER = "trigger";
    public static final String TABLE = "table";
    public static final String TELEMETRY_TABLE = "upload_telemetry_events";
    public static final String SIGN_IN_TABLE = "sign_in_attempts";

    /** Exported as {@code rca_pipeline_stage_total}. Gated. */
    public static final Metadata STAGE_OUTCOMES = Metadata.builder()
            .withName("rca_pipeline_stage")
            .withDescription("Committed pipeline stage outcomes, by tenant, stage and status (success, partial,"
                    + " failed); only for tenants with telemetry_enhanced_metrics_enabled")
            .build();

    /** Exported as the histogram {@code rca_pipeline_stage_duration_seconds}. Gated. */
    public static final Metadata STAGE_DURATION = Metadata.builder()
            .withName("rca_pipeline_stage_duration")
            .withDescription("Duration of committed pipeline stages in seconds, by tenant and stage; only for tenants"
                    + " with telemetry_enhanced_metrics_enabled")
            .withUnit(MetricUnits.SECONDS)
            .build();

    public static final Metadata ENHANCED_ENABLED = Metadata.builder()
            .withName("rca_telemetry_enhanced_metrics_enabled")
            .withDescription("1 for each tenant whose telemetry_enhanced_metrics_enabled flag is on (absent when off)")
            .build();

    /** Exported as {@code rca_uploads_received_total}. */
    public static final Metadata UPLOADS_RECEIVED = Metadata.builder()
            .withName("rca_uploads_received")
            .withDescription("Uploads accepted (202), by tenant")
            .build();

    /** Exported as {@code rca_uploads_refused_total}. */
    public static final Metadata UPLOADS_REFUSED = Metadata.builder()
            .withName("rca_uploads_refused")
            .withDescription("Uploads refused for a known tenant, by tenant and reason (the API's error code)")
            .build();

    /** Exported as {@code rca_upload_bytes_received_total}. */
    public static final Metadata BYTES_RECEIVED = Metadata.builder()
            .withName("rca_upload_bytes_received")
            .withDescription("Bytes of accepted uploads as stored (after a stripped byte order mark), by tenant")
            .build();

    public static final Metadata QUEUE_DEPTH = Metadata.builder()
            .withName("rca_pipeline_queue_depth")
            .withDescription("Messages waiting in a pipeline queue (and its dead-letter queue DLQ), by queue")
            .build();

    public static final Metadata SLOTS_IN_USE = Metadata.builder()
            .withName("rca_upload_slots_in_use")
            .withDescription("Ingest slots a tenant's uploads hold on this node now (at most"
                    + " rca.upload.max-concurrent-per-tenant), by tenant")
            .build();

    /** Exported as {@code rca_pipeline_duplicate_requests_total}. */
    public static final Metadata DUPLICATES = Metadata.builder()
            .withName("rca_pipeline_duplicate_requests")
            .withDescription("Stage requests skipped because the stage had already committed that upload's work"
                    + " (broker redelivery, re-drive, recovery re-send), by stage")
            .build();

    /** Exported as {@code rca_uploads_deleted_total}. */
    public static final Metadata UPLOADS_DELETED = Metadata.builder()
            .withName("rca_uploads_deleted")
            .withDescription("Uploads deleted with everything derived from them, by tenant and trigger (request: the"
                    + " API or the admin UI; retention: the tenant's upload_retention_days ran out)")
            .build();

    /** Exported as {@code rca_retention_rows_deleted_total}. */
    public static final Metadata RETENTION_ROWS_DELETED = Metadata.builder()
            .withName("rca_retention_rows_deleted")
            .withDescription("Rows the retention sweep deleted on this node, by table (upload_telemetry_events past"
                    + " rca.telemetry.retention-days, sign_in_attempts past rca.sign-in.history-days)")
            .build();

    /** Exported as {@code rca_admin_sign_ins_total}. */
    public static final Metadata SIGN_INS = Metadata.builder()
            .withName("rca_admin_sign_ins")
            .withDescription("Sign-ins to the admin UI on this node, by outcome (success, failure, throttled: refused"
                    + " unchecked after too many failures)")
            .build();

    /** The names whose series exist only for tenants with enhanced metrics on. */
    public static final Set<String> GATED = Set.of(STAGE_OUTCOMES.getName(), STAGE_DURATION.getName());

    private TelemetryMetrics() {
    }
}
