package dev.rca.admin.uploads;

import dev.rca.pipeline.ingest.control.UploadSource;
import jakarta.servlet.http.Part;

import java.io.IOException;

/**
 * The upload form's file as the ingest stage reads it: streamed from the part (memory up to the servlet's
 * file-size-threshold, a temporary file above it), never read whole here. The media type is the request's, as for
 * the REST API's form uploads, so that both pass the same check.
 */
record PartUploadSource(Part part) implements UploadSource {

    static final String FORM_MEDIA_TYPE = "multipart/form-data";

    @Override
    public String mediaType() {
        return FORM_MEDIA_TYPE;
    }

    @Override
    public long contentLength() {
        return part.getSize();
    }

    @Override
    public Body open() throws IOException {
        return new Body(part.getSubmittedFileName(), UploadSource.mediaTypeOf(part.getContentType()),
                part.getInputStream());
    }
}
