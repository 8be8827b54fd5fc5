package dev.rca.web.api.flags;

import dev.rca.flags.boundary.FeatureFlags;
import dev.rca.flags.boundary.FlagSet;
import dev.rca.tokens.boundary.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;


/**
 * Feature flags of a tenant, or of {@code all-tenants} (admin tokens only): the runbook's
 * {@code http PUT $API_HOST/api/admin/tenants/{tenant_id}/feature-flags "flags:= {...}"}.
 */
@RequestScoped
@Path("admin/tenants/{tenant}/feature-flags")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureFlagsResource {

    @EJB
    FeatureFlags flags;

    @Context
    HttpServletRequest request;

    @PathParam("tenant")
    String tenant;

    @GET
    public FlagSet get() {
        return flags.get(tenant);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public FlagSet put(JsonObject body) {
        return flags.put(tenant, body, (Caller) request.getAttribute(Caller.class.getName()));
    }
}
