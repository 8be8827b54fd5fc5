package dev.rca.web.api.pipeline;

import dev.rca.pipeline.boundary.DeadLetters;
import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.telemetry.control.QueueDepths;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The dead-letter queue of chunk requests: its depth, and the operator's re-drive once the cause is fixed. */
@RequestScoped
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    static final int MAX_REDRIVE = 10_000;

    @EJB
    DeadLetters deadLetters;

    @Inject
    QueueDepths queueDepths;

    /** Messages in the DLQ (-1 when the broker does not say). */
    public record Depth(long depth) {
    }

    /** How many requests were moved back to their stages' queues, and what is left in the DLQ. */
    public record Redriven(int redriven, long remaining) {
    }

    @GET
    public Depth depth() {
        return new Depth(queueDepths.depth("DLQ"));
    }

    @POST
    @Path("redrive")
    public Redriven redrive(@QueryParam("max") @DefaultValue("1000") int max) {
        if (max < 1 || max > MAX_REDRIVE) {
            throw new BusinessException(ErrorCode.INVALID_PARAMETER, "max must be between 1 and " + MAX_REDRIVE, Map.of("parameter", "max", "value", max));
        }
        int moved = deadLetters.redrive(max);
        return new Redriven(moved, queueDepths.depth("DLQ"));
    }
}
