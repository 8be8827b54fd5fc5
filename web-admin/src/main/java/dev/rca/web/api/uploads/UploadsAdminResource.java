package dev.rca.web.api.uploads;

import dev.rca.pipeline.boundary.UploadProgress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Operator actions on uploads of any tenant. */
@RequestScoped
@Path("admin/uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadsAdminResource {

    @EJB
    UploadProgress uploads;

    /** Sends the upload's chunk request again; the chunk stage ignores it if the upload is already chunked. */
    @POST
    @Path("{id}/redrive")
    public Response redrive(@PathParam("id") UUID id) {
        return Response.accepted(uploads.redrive(id)).build();
    }
}
