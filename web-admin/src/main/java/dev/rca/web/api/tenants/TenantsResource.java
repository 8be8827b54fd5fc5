package dev.rca.web.api.tenants;

import dev.rca.tenants.boundary.NewTenant;
import dev.rca.tenants.boundary.Retention;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Tenant administration (admin tokens only). */
@RequestScoped
@Path("admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @EJB
    TenantAdministration tenants;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTenant request) {
        TenantView tenant = tenants.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.slug()).build()).entity(tenant).build();
    }

    @GET
    public List<TenantView> list() {
        return tenants.list();
    }

    @GET
    @Path("{tenant}")
    public TenantView get(@PathParam("tenant") String slug) {
        return tenants.get(slug);
    }

    /** How long the tenant's uploads are kept: {@code {"uploadRetentionDays": 30}}, or null for "until deleted". */
    @GET
    @Path("{tenant}/retention")
    public Retention retention(@PathParam("tenant") String slug) {
        return tenants.retention(slug);
    }

    @PUT
    @Path("{tenant}/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public Retention setRetention(@PathParam("tenant") String slug, Retention retention) {
        return tenants.setRetention(slug, retention == null ? new Retention(null) : retention);
    }

    @POST
    @Path("{tenant}/deactivate")
    public TenantView deactivate(@PathParam("tenant") String slug) {
        return tenants.setActive(slug, false);
    }

    @POST
    @Path("{tenant}/activate")
    public TenantView activate(@PathParam("tenant") String slug) {
        return tenants.setActive(slug, true);
    }
}
