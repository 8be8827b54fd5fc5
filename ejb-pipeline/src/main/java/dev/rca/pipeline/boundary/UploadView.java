package dev.rca.pipeline.boundary;

import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.uploads.entity.SkipReport;
import dev.rca.uploads.entity.SkipReport.SkippedFile;
import dev.rca.uploads.entity.SkipReport.Warning;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An upload as the API shows it: overall status, the files stored, the files left out and the warnings of the
 * ingest stage (its {@link SkipReport}), and one entry per pipeline stage, in order.
 */
public record UploadView(UUID id, String tenant, String status, String fileName, long bytes, Instant receivedAt,
                         Instant completedAt, List<FileView> files, List<SkippedFile> skipped,
                         List<Warning> warnings, List<StageView> stages) {

    static final String PENDING = "pending";

    /** A stored file: its name as given (data, never a path), UTF-8 bytes and lines. */
    public record FileView(int index, String name, long bytes, long lines) {
    }

    /** A stage's outcome, or {@code pending} (with no duration) while it has none. */
    public record StageView(String stage, String status, Long durationMs, Instant recordedAt,
                            Map<String, Object> metadata) {

        static StageView of(Stage stage, StageCompletion completion) {
            if (completion == null) {
                return new StageView(stage.label(), PENDING, null, null, Map.of());
            }
            return new StageView(stage.label(), completion.getStatus().label(), completion.getDurationMs(),
                    completion.getCompletedAt(), completion.getDetails());
        }
    }

    /** Built from what is at hand: inside the ingest transaction, from what it has just written. */
    public static UploadView of(Upload upload, String tenantSlug, List<UploadFile> files,
                                Map<Stage, StageCompletion> completions) {
        SkipReport report = upload.getSkipReport();
        return new UploadView(upload.getId(), tenantSlug, upload.getStatus().label(), upload.getFileName(),
                upload.getBytes(), upload.getReceivedAt(), upload.getCompletedAt(),
                files.stream().map(file -> new FileView(file.getFileIndex(), file.getName(), file.getBytes(),
                        file.getLines())).toList(),
                report == null ? List.of() : report.skipped(), report == null ? List.of() : report.warnings(),
                Arrays.stream(Stage.values()).map(stage -> StageView.of(stage, completions.get(stage))).toList());
    }
}
