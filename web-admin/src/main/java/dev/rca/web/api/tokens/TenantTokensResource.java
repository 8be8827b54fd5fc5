package dev.rca.web.api.tokens;

import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.NewToken;
import dev.rca.tokens.boundary.TokenView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** A tenant's upload tokens (admin tokens only); revoked through {@link TokensResource}. */
@RequestScoped
@Path("admin/tenants/{tenant}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TenantTokensResource {

    @EJB
    ApiTokens tokens;

    @Context
    UriInfo uriInfo;

    @PathParam("tenant")
    String tenant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewToken request) {
        return TokensResource.created(uriInfo, tokens.createUploadToken(tenant, request));
    }

    @GET
    public List<TokenView> list() {
        return tokens.listForTenant(tenant);
    }
}
