package dev.rca.web.api.uploads;

import dev.rca.paging.Page;
import dev.rca.pipeline.boundary.UploadDeletion;
import dev.rca.pipeline.boundary.UploadList;
import dev.rca.pipeline.boundary.UploadRow;
import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.boundary.UploadProgress;
import dev.rca.pipeline.ingest.boundary.UploadIntake;
import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.chunk.boundary.ChunkPage;
import dev.rca.pipeline.chunk.boundary.Chunks;
import dev.rca.pipeline.analyze.boundary.Analyses;
import dev.rca.pipeline.analyze.control.AnalysisReport;
import dev.rca.pipeline.ingest.control.UploadSource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads of one tenant. A log, a gzipped log or a zip or tar bundle is sent as the raw body or as the {@code file}
 * field of a {@code multipart/form-data} form; either way it is streamed into the ingest stage, never held whole in
 * memory. The ingest stage decides the format from the bytes.
 */
@RequestScoped
@Path("tenants/{tenant}/uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    static final String FILE_FIELD = "file";

    @EJB
    UploadIntake intake;

    @EJB
    UploadProgress uploads;

    @EJB
    Chunks chunks;

    @EJB
    Analyses analyses;

    @EJB
    UploadList list;

    @EJB
    UploadDeletion deletion;

    @PathParam("tenant")
    String tenant;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    /**
     * Any media type but a form: the ingest stage checks it against its one list of accepted types first, so a
     * refused type is recorded like every other refusal and its body never read.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response uploadBody(@QueryParam("name") String name, InputStream body) {
        return accepted(intake.accept(tenant, new RawBody(mediaType(), headers.getLength(), name, body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@Context HttpServletRequest request) {
        // A request without Content-Type can land here too: the ingest stage refuses it by its media type.
        return accepted(intake.accept(tenant, new FormBody(mediaType(), headers.getLength(), request)));
    }

    /** The tenant's uploads, newest first: the baseline picker's and the command line's list. */
    @GET
    public Page<UploadRow> list(@QueryParam("status") String status, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("q") String query,
                                @QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("limit") @DefaultValue("50") int limit) {
        return list.page(tenant, status, instant("from", from), instant("to", to), query, offset, limit);
    }

    @GET
    @Path("{id}")
    public UploadView upload(@PathParam("id") String id) {
        return uploads.view(tenant, uploadId(id));
    }

    /**
     * Deletes the upload with everything derived from it (files, chunks, analysis); its telemetry rows stay, marked
     * deleted. 409 while it is still processing.
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        deletion.delete(tenant, uploadId(id), security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/chunks")
    public ChunkPage chunks(@PathParam("id") String id,
                            @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("50") int limit) {
        return chunks.page(tenant, uploadId(id), offset, limit);
    }

    /** The upload's analysis (docs/api.md, "Analysis"), optionally against a baseline upload of the tenant. */
    @GET
    @Path("{id}/analysis")
    public AnalysisReport analysis(@PathParam("id") String id, @QueryParam("baseline") String baseline) {
        return analyses.report(tenant, uploadId(id), baseline == null || baseline.isEmpty() ? null : uploadId(baseline));
    }

    @GET
    @Path("{id}/patterns")
    public Analyses.PatternPage patterns(@PathParam("id") String id,
                                         @QueryParam("sort") @DefaultValue("count") String sort,
                                         @QueryParam("level") String level,
                                         @QueryParam("q") String query,
                                         @QueryParam("offset") @DefaultValue("0") int offset,
                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        return analyses.patterns(tenant, uploadId(id), sort, level, query, offset, limit);
    }

    @GET
    @Path("{id}/patterns/{pattern}/lines")
    public Analyses.PatternLinePage patternLines(@PathParam("id") String id, @PathParam("pattern") String pattern,
                                                 @QueryParam("offset") @DefaultValue("0") long offset,
                                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        return analyses.patternLines(tenant, uploadId(id), pattern, offset, limit);
    }

    @GET
    @Path("{id}/files/{file}/lines")
    public Analyses.FileLinePage fileLines(@PathParam("id") String id, @PathParam("file") int file,
                                           @QueryParam("from") @DefaultValue("1") long from,
                                           @QueryParam("limit") @DefaultValue("1000") int limit,
                                           @QueryParam("q") String query) {
        return analyses.fileLines(tenant, uploadId(id), file, from, limit, query);
    }

    /** A file's stored text as the ingest stage kept it (UTF-8, BOM stripped, UTF-16 transcoded), streamed. */
    @GET
    @Path("{id}/files/{file}/raw")
    @Produces("text/plain; charset=utf-8")
    public Response raw(@PathParam("id") String id, @PathParam("file") int file) {
        UUID upload = uploadId(id);
        String name = analyses.fileName(tenant, upload, file);
        StreamingOutput text = out -> analyses.writeRaw(tenant, upload, file, out);
        return Response.ok(text)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .build();
    }

    private Response accepted(UploadView upload) {
        return Response.accepted(upload)
                .location(uriInfo.getAbsolutePathBuilder().path(upload.id().toString()).build())
                .build();
    }

    private String mediaType() {
        MediaType type = headers.getMediaType();
        return type == null ? null : type.getType() + "/" + type.getSubtype();
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorCode.INVALID_PARAMETER, parameter + " must be an ISO-8601 instant such as"
                    + " 2026-12-01T00:00:00Z", Map.of("parameter", parameter, "value", value));
        }
    }

    private UUID uploadId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "'" + id + "' is not an upload id", Map.of("upload", id));
        }
    }

    private record RawBody(String mediaType, long contentLength, String fileName, InputStream stream)
            implements UploadSource {

        @Override
        public Body open() {
            return new Body(fileName, mediaType, stream);
        }
    }

    /** Streams the form's file field straight from the request: nothing is buffered or written to disk. */
    private record FormBody(String mediaType, long contentLength, HttpServletRequest request)
            implements UploadSource {

        @Override
        public Body open() throws IOException {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (FILE_FIELD.equals(item.getFieldName()) && !item.isFormField()) {
                    return new Body(item.getName(), UploadSource.mediaTypeOf(item.getContentType()), item.getInputStream());
                }
            }
            throw new BusinessException(ErrorCode.MISSING_FILE_FIELD, "the form has no file field named '" + FILE_FIELD + "'", Map.of("field", FILE_FIELD));
        }
    }
}
