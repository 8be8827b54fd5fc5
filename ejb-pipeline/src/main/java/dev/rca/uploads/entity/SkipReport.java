package dev.rca.uploads.entity;

import java.util.List;

/**
 * What the ingest stage left out of an upload or had to change: the upload's own data ({@code uploads.skip_report}),
 * shown with its status, and repeated in its {@code ingest} telemetry row's metadata under {@value #METADATA_KEY},
 * where operators read it.
 *
 * @param entries       archive entries seen (1 for a single file)
 * @param filesIngested files stored and passed on to the next stage
 * @param filesSkipped  files left out, each listed in {@code skipped}
 * @param bytesIngested stored bytes (UTF-8, after decompression and transcoding)
 * @param bytesSkipped  bytes read from skipped entries
 */
public record SkipReport(int entries, int filesIngested, int filesSkipped, long bytesIngested, long bytesSkipped,
                         List<SkippedFile> skipped, List<Warning> warnings) {

    public static final String METADATA_KEY = "partialUploadTelemetry";

    /** An entry left out: its name as the archive gave it (data only, never a path), the reason and the detail. */
    public record SkippedFile(String name, String reason, String detail, long bytes) {
    }

    /** Something accepted but worth knowing; {@code file} is null when it concerns the whole upload. */
    public record Warning(String file, String code, String message) {
    }
}
