package dev.rca.web.admin.uploads;

import dev.rca.pipeline.ingest.control.UploadSource;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upload form's file as the ingest stage reads it: streamed from the part (memory up to the servlet's
 * file-size-threshold, a temporary file above it), never read whole here. The media type is the request's, as for
 * the REST API's form uploads, so that both pass the same check. Closing it closes the stream it opened, so that the
 * temporary file is released with the request, not whenever the garbage collector gets to it.
 */
final class PartUploadSource implements UploadSource, AutoCloseable {

    static final String FORM_MEDIA_TYPE = "multipart/form-data";
    private static final Logger LOG = Logger.getLogger(PartUploadSource.class.getName());

    private final Part part;
    private InputStream opened;

    PartUploadSource(Part part) {
        this.part = part;
    }

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
        opened = part.getInputStream();
        return new Body(part.getSubmittedFileName(), UploadSource.mediaTypeOf(part.getContentType()), opened);
    }

    /** Never fails the upload: the container removes the part with the request anyway. */
    @Override
    public void close() {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not close the upload's part; the container removes it", e);
            }
        }
    }
}
