package dev.rca.errors;

import dev.rca.naming.Labelled;

/**
 * Every error a caller can cause, as the API names it ({@link #label()}: the {@code error} of the JSON body), with
 * its {@link Kind}. The REST layer decides the HTTP status from the kind; nothing here knows HTTP.
 */
public enum ErrorCode implements Labelled {
    ANALYSIS_PENDING(Kind.CONFLICT),
    BODY_UNREADABLE(Kind.INVALID),
    COMPRESSION_RATIO_EXCEEDED(Kind.TOO_LARGE),
    EMPTY_UPLOAD(Kind.INVALID),
    ENHANCED_METRICS_LIMIT(Kind.CONFLICT),
    FILE_TOO_LARGE(Kind.TOO_LARGE),
    INVALID_ENCODING(Kind.UNPROCESSABLE),
    INVALID_FLAG_VALUE(Kind.INVALID),
    INVALID_PAGE(Kind.INVALID),
    INVALID_PARAMETER(Kind.INVALID),
    INVALID_REQUEST(Kind.INVALID),
    INVALID_SLUG(Kind.INVALID),
    INVALID_STATUS(Kind.INVALID),
    INVALID_USERNAME(Kind.INVALID),
    INVALID_UTF8(Kind.UNPROCESSABLE),
    MISSING_FILE_FIELD(Kind.INVALID),
    NOTHING_INGESTED(Kind.UNPROCESSABLE),
    RESERVED_SLUG(Kind.INVALID),
    SERVER_BUSY(Kind.UNAVAILABLE),
    TENANT_EXISTS(Kind.CONFLICT),
    TENANT_INACTIVE(Kind.FORBIDDEN),
    TOO_MANY_ENTRIES(Kind.UNPROCESSABLE),
    UNCOMPRESSED_TOO_LARGE(Kind.TOO_LARGE),
    UNKNOWN_FILE(Kind.NOT_FOUND),
    UNKNOWN_FLAG(Kind.INVALID),
    UNKNOWN_PATTERN(Kind.NOT_FOUND),
    UNKNOWN_TENANT(Kind.NOT_FOUND),
    UNKNOWN_TOKEN(Kind.NOT_FOUND),
    UNKNOWN_UPLOAD(Kind.NOT_FOUND),
    UNREADABLE_ARCHIVE(Kind.UNPROCESSABLE),
    UNSUPPORTED_ENCODING(Kind.UNPROCESSABLE),
    UNSUPPORTED_FORMAT(Kind.UNSUPPORTED),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED),
    UPLOAD_PROCESSING(Kind.CONFLICT),
    UPLOAD_TOO_LARGE(Kind.TOO_LARGE),
    UPLOAD_TOO_SLOW(Kind.TOO_SLOW),
    WEAK_PASSWORD(Kind.INVALID);

    /** What kind of error it is; the REST layer answers each kind with its status. */
    public enum Kind {
        /** The request is malformed or a value in it is not allowed. */
        INVALID,
        /** The request is understood but not allowed for this tenant now. */
        FORBIDDEN,
        NOT_FOUND,
        /** The request contradicts what exists (a duplicate, a limit of the whole system). */
        CONFLICT,
        /** The upload, or a file in it, is larger than a limit. */
        TOO_LARGE,
        /** The request body came more slowly than the server waits for. */
        TOO_SLOW,
        /** The upload's media type or format is not one that is read. */
        UNSUPPORTED,
        /** The upload was read but its content cannot be used. */
        UNPROCESSABLE,
        /** A dependency or capacity is missing for now: try again later. */
        UNAVAILABLE
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
