package dev.rca.web.api.tokens;

import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.NewToken;
import dev.rca.tokens.boundary.TokenView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;

/**
 * API tokens (admin tokens only): creates admin tokens, lists and revokes every token. A tenant's upload tokens are
 * created under {@link TenantTokensResource}. The secret is in the creation's answer and nowhere else.
 */
@RequestScoped
@Path("admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @EJB
    ApiTokens tokens;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAdminToken(NewToken request) {
        return created(uriInfo, tokens.createAdminToken(request));
    }

    @GET
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }

    static Response created(UriInfo uriInfo, TokenView token) {
        return Response.created(uriInfo.getBaseUriBuilder().path("admin/tokens").path(token.id().toString()).build())
                .entity(token)
                .build();
    }

}
