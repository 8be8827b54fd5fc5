package dev.rca.pipeline.ingest.control;

import java.io.IOException;
import java.io.InputStream;

/** An upload as the HTTP layer received it, opened by the ingest stage only after the request passed its checks. */
public interface UploadSource {

    /** The request's media type without parameters, e.g. {@code text/plain}; null when the request named none. */
    String mediaType();

    /** The request body's declared length, or -1 when the body is chunked. */
    long contentLength();

    /** Positions on the file's bytes: the body itself, or a form's file field. */
    Body open() throws IOException;

    /**
     * @param mediaType what the client said the file is: the request's media type, or the form part's own; only
     *                  compared with what the bytes are, for a warning
     */
    record Body(String fileName, String mediaType, InputStream stream) {
    }
}
