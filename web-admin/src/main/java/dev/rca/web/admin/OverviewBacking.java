package dev.rca.web.admin;

import dev.rca.pipeline.boundary.DeadLetters;
import dev.rca.telemetry.boundary.Overview;
import dev.rca.telemetry.boundary.TelemetryEvents;
import dev.rca.users.boundary.AdminUsers;
import dev.rca.users.boundary.SignInHistory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * admin/index.xhtml: the last hour per stage, queue depths with the DLQ's re-drive, the tenants with enhanced metrics
 * on, and the signed-in user's previous sign-in with the failed attempts on their name since.
 */
@Named
@RequestScoped
public class OverviewBacking {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int REDRIVE_BATCH = 1000;

    @EJB
    TelemetryEvents telemetry;

    @EJB
    DeadLetters deadLetters;

    @EJB
    AdminUsers users;

    @Inject
    SecurityContext security;

    private Overview overview;
    private SignInHistory signIns;

    public Overview getOverview() {
        if (overview == null) {
            overview = telemetry.overview(WINDOW);
        }
        return overview;
    }

    public SignInHistory getSignIns() {
        if (signIns == null) {
            signIns = users.history(security.getCallerPrincipal().getName());
        }
        return signIns;
    }

    public List<Map.Entry<String, Long>> getQueueDepths() {
        return List.copyOf(getOverview().queueDepths().entrySet());
    }

    /** The same as {@code POST /api/admin/dead-letters/redrive}: after the cause of the failures is fixed. */
    public void redriveDeadLetters() {
        int moved = deadLetters.redrive(REDRIVE_BATCH);
        overview = null;
        Messages.info(moved == 0 ? "The DLQ holds no stage request."
                : "Moved " + moved + " stage request(s) from the DLQ back to their stages' queues; a stage skips an"
                + " upload it has done meanwhile.");
    }
}
