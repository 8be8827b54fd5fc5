package dev.rca.pipeline.ingest.control;

import dev.rca.naming.Labelled;

/** Why an archive entry was not ingested; the label is what the API, telemetry and docs/uploads.md show. */
public enum SkipReason implements Labelled {
    /** Not text: a NUL byte or invalid UTF-8 within its first 8 KiB. */
    BINARY,
    /** Text in an encoding other than UTF-8 or UTF-16 with a byte order mark, or invalid bytes after the start. */
    ENCODING,
    /** Larger than {@code rca.upload.max-file-bytes}. */
    TOO_LARGE,
    /** No bytes, or only a byte order mark. */
    EMPTY,
    /** An archive or compressed file inside the archive: never opened. */
    NESTED_ARCHIVE,
    /** A name that climbs out of the archive ({@code ..}) or is absolute ({@code /x}, {@code C:\x}). */
    PATH,
    /** A symbolic or hard link. */
    LINK,
    /** A device, FIFO or other entry that is neither a file nor a directory. */
    NOT_A_FILE,
    /** An encrypted zip entry, or one compressed with a method the library cannot read. */
    UNREADABLE;
}
