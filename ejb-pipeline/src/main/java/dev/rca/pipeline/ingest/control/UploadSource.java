package dev.rca.pipeline.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** An upload as the HTTP layer received it, opened by the ingest stage only after the request passed its checks. */
public interface UploadSource {

    /** The request's media type without parameters, e.g. {@code text/plain}; null when the request named none. */
    String mediaType();

    /** The request body's declared length, or -1 when the body is chunked. */
    long contentLength();

    /** A Content-Type header's media type, lower case and without parameters; null for null. */
    static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Positions on the file's bytes: the body itself, or a form's file field. */
    Body open() throws IOException;

    /**
     * @param mediaType what the client said the file is: the request's media type, or the form part's own; only
     *                  compared with what the bytes are, for a warning
     */
    record Body(String fileName, String mediaType, InputStream stream) {
    }
}
