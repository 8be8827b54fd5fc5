package dev.rca.pipeline.ingest.control;

import java.util.Locale;

/** What an upload's body is, decided by its first bytes, never by its name or Content-Type. */
public enum UploadFormat {
    TEXT("text"),
    GZIP("gzip"),
    ZIP("zip"),
    TAR("tar"),
    TAR_GZIP("tar.gz");

    private final String label;

    UploadFormat(String label) {
        this.label = label;
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
        return switch (mediaType) {
            case "text/plain" -> TEXT;
            case "application/gzip", "application/x-gzip" -> GZIP;
            case "application/zip", "application/x-zip-compressed" -> ZIP;
            case "application/x-tar", "application/x-gtar" -> TAR;
            default -> null;
        };
    }
}
