package dev.rca.pipeline.ingest.control;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What an upload's body is, decided by its first bytes, never by its name or Content-Type; and the one list of the
 * media types an upload may be sent as ({@link #ACCEPTED_MEDIA_TYPES}).
 */
public enum UploadFormat {
    TEXT("text", "text/plain"),
    GZIP("gzip", "application/gzip", "application/x-gzip"),
    ZIP("zip", "application/zip", "application/x-zip-compressed"),
    TAR("tar", "application/x-tar", "application/x-gtar"),
    TAR_GZIP("tar.gz");

    /** Claims no format: the bytes decide. */
    public static final String GENERIC_MEDIA_TYPE = "application/octet-stream";
    /** The admin UI's form and curl's {@code -F}: the file is the form's part. */
    public static final String FORM_MEDIA_TYPE = "multipart/form-data";
    /** Every media type an upload is accepted with, sorted; any other is refused with 415. */
    public static final SortedSet<String> ACCEPTED_MEDIA_TYPES = Collections.unmodifiableSortedSet(new TreeSet<>(Stream.concat(
            Arrays.stream(values()).flatMap(format -> format.mediaTypes.stream()),
            Stream.of(GENERIC_MEDIA_TYPE, FORM_MEDIA_TYPE)).toList()));

    private final String label;
    private final List<String> mediaTypes;

    UploadFormat(String label, String... mediaTypes) {
        this.label = label;
        this.mediaTypes = List.of(mediaTypes);
    }

    public String label() {
        return label;
    }

    public boolean isArchive() {
        return this == ZIP || this == TAR || this == TAR_GZIP;
    }

    /** Whether a file name's extension claims this format; names without a known extension claim nothing. */
    static UploadFormat claimedBy(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return TAR_GZIP;
        }
        if (name.endsWith(".gz")) {
            return GZIP;
        }
        if (name.endsWith(".zip")) {
            return ZIP;
        }
        if (name.endsWith(".tar")) {
            return TAR;
        }
        if (name.endsWith(".log") || name.endsWith(".txt")) {
            return TEXT;
        }
        return null;
    }

    /** The format a Content-Type claims; the generic types claim nothing. */
    static UploadFormat claimedByMediaType(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        return Arrays.stream(values()).filter(format -> format.mediaTypes.contains(mediaType)).findFirst()
                .orElse(null);
    }
}
