package dev.rca.web.api.flags;

import dev.rca.flags.boundary.AuditPage;
import dev.rca.flags.boundary.FeatureFlags;
import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The feature flag audit trail (admin tokens only), newest first, filtered by tenant, flag and time. */
@RequestScoped
@Path("admin/feature-flags/audit")
@Produces(MediaType.APPLICATION_JSON)
public class FlagAuditResource {

    @EJB
    FeatureFlags flags;

    @GET
    public AuditPage audit(@QueryParam("tenant") String tenant,
                           @QueryParam("flag") String flag,
                           @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("offset") @DefaultValue("0") int offset,
                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return flags.audit(tenant, flag, instant("from", from), instant("to", to), offset, limit);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, parameter + " must be an ISO-8601 instant such as 2026-11-28T03:00:00Z",
                    Map.of("parameter", parameter, "value", value));
        }
    }
}
