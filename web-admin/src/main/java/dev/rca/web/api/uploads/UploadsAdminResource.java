package dev.rca.web.api.uploads;

import dev.rca.pipeline.analyze.boundary.Reanalysis;
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

    @EJB
    Reanalysis reanalysis;

    /**
     * Sends the request of the upload's first stage without an outcome again; of the chunk stage when every stage has
     * one, which skips it as a duplicate.
     */
    @POST
    @Path("{id}/redrive")
    public Response redrive(@PathParam("id") UUID id) {
        return Response.accepted(uploads.redrive(id)).build();
    }

    /** Runs the analyze stage again on a finished upload and replaces its analysis (after an analyzer upgrade). */
    @POST
    @Path("{id}/reanalyze")
    public Response reanalyze(@PathParam("id") UUID id) {
        return Response.accepted(reanalysis.reanalyze(id)).build();
    }
}
