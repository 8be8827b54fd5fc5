package dev.rca.web.admin.uploads;

import dev.rca.web.admin.Messages;
import dev.rca.web.admin.SignedInUser;
import dev.rca.errors.BusinessException;
import dev.rca.pipeline.analyze.boundary.Analyses;
import dev.rca.pipeline.analyze.control.AnalysisReport;
import dev.rca.pipeline.boundary.UploadDeletion;
import dev.rca.pipeline.boundary.UploadList;
import dev.rca.pipeline.boundary.UploadRow;
import dev.rca.pipeline.chunk.boundary.ChunkPage;
import dev.rca.pipeline.chunk.boundary.Chunks;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.pipeline.boundary.UploadView;
import dev.rca.pipeline.boundary.UploadProgress;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * admin/uploads/upload.xhtml: an upload's report once it is analysed (suspects, timeline, exceptions, patterns,
 * optionally against a baseline upload), its stages, polled by the page until the upload is final, and a preview of
 * its chunks. Reads through {@link UploadProgress}, {@link Analyses} and {@link Chunks}, as the API does.
 */
@Named
@ViewScoped
public class UploadBacking implements Serializable {

    static final int CHUNKS_PER_PAGE = 10;
    static final int PATTERNS_PER_PAGE = 25;
    static final int BASELINE_CHOICES = 50;
    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    UploadProgress uploads;

    @EJB
    Chunks chunks;

    @EJB
    Analyses analyses;

    @EJB
    UploadList uploadList;

    @EJB
    UploadDeletion deletion;

    @Inject
    SignedInUser user;

    private String tenant;
    private String id;
    private String baseline;
    private UploadView upload;
    private ChunkPage chunkPage;
    private int chunkOffset;
    private AnalysisReport report;
    private String reportProblem;
    private Analyses.PatternPage patternPage;
    private String patternSort = "count";
    private String patternLevel;
    private String patternQuery;
    private int patternOffset;
    private List<UploadRow> baselines = List.of();
    private String chosenBaseline;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        refresh();
    }

    /** Also what the page's poll calls. */
    public void refresh() {
        try {
            upload = uploads.view(tenant, uploadId());
            if (isDone() && chunkPage == null) {
                loadChunks();
            }
            if (isDone() && report == null && reportProblem == null) {
                loadReport();
            }
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    /**
     * The same as {@code DELETE /api/tenants/{t}/uploads/{id}}: the upload and everything derived from it, its
     * telemetry rows kept; then the list of uploads.
     */
    public String delete() {
        try {
            deletion.delete(tenant, uploadId(), user.caller().tokenName());
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
            return null;
        }
        Messages.infoAfterRedirect("Deleted upload " + id + " of " + tenant + " with its files, chunks and analysis;"
                + " its telemetry rows stay, marked deleted.");
        return "/admin/uploads/index?faces-redirect=true";
    }

    /** The runbook's way to move an upload whose stage request was lost; harmless for a finished one. */
    public void redrive() {
        try {
            upload = uploads.redrive(uploadId());
            Messages.info("The request of its first stage without an outcome was sent again; a stage skips an upload"
                    + " it has done already.");
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    private void loadReport() {
        try {
            report = analyses.report(tenant, upload.id(), baseline == null || baseline.isBlank() ? null
                    : UUID.fromString(baseline));
            loadPatterns();
            baselines = uploadList.page(tenant, null, null, null, 0, BASELINE_CHOICES).items().stream()
                    .filter(row -> !row.id().equals(upload.id()))
                    .toList();
            chosenBaseline = baseline;
        } catch (BusinessException refusal) {
            reportProblem = refusal.getMessage();
        } catch (IllegalArgumentException notAnId) {
            reportProblem = "'" + baseline + "' is not an upload id";
        }
    }

    private void loadPatterns() {
        try {
            patternPage = analyses.patterns(tenant, upload.id(), patternSort, patternLevel, patternQuery, patternOffset,
                    PATTERNS_PER_PAGE);
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    /** The pattern table's filter form. */
    public void filterPatterns() {
        patternOffset = 0;
        loadPatterns();
    }

    public void nextPatterns() {
        patternOffset += PATTERNS_PER_PAGE;
        loadPatterns();
    }

    public void previousPatterns() {
        patternOffset = Math.max(0, patternOffset - PATTERNS_PER_PAGE);
        loadPatterns();
    }

    /** The "compare with…" picker: the same page against the chosen baseline (or none). */
    public String compare() {
        return "/admin/uploads/upload.xhtml?faces-redirect=true&tenant=" + tenant + "&id=" + id
                + (chosenBaseline == null || chosenBaseline.isBlank() ? "" : "&baseline=" + chosenBaseline);
    }

    /**
     * The timeline for the chart (admin.js): bucket starts, counts per level in the same order, and the bursts as
     * ranges. The page shows the same figures as a table for readers without script.
     */
    public String getTimelineJson() {
        if (report == null || report.timeline() == null) {
            return "{}";
        }
        JsonArrayBuilder starts = JSON.createArrayBuilder();
        Map<String, JsonArrayBuilder> byLevel = new java.util.LinkedHashMap<>();
        for (String level : List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "NONE")) {
            byLevel.put(level, JSON.createArrayBuilder());
        }
        for (AnalysisReport.Bucket bucket : report.timeline().buckets()) {
            starts.add(bucket.start());
            byLevel.forEach((level, counts) -> counts.add(bucket.counts().getOrDefault(level, 0L)));
        }
        JsonObjectBuilder levels = JSON.createObjectBuilder();
        byLevel.forEach(levels::add);
        JsonArrayBuilder bursts = JSON.createArrayBuilder();
        for (AnalysisReport.Burst burst : report.bursts()) {
            bursts.add(JSON.createObjectBuilder().add("start", burst.start()).add("end", burst.end())
                    .add("pattern", burst.pattern()).add("factor", burst.factor()));
        }
        return JSON.createObjectBuilder().add("bucketSeconds", report.timeline().bucketSeconds())
                .add("starts", starts).add("levels", levels).add("bursts", bursts).build().toString();
    }

    private UUID uploadId() {
        return UploadIds.parse(id);
    }

    public boolean isDone() {
        return upload != null && !UploadStatus.PROCESSING.label().equals(upload.status());
    }

    public void nextChunks() {
        chunkOffset += CHUNKS_PER_PAGE;
        loadChunks();
    }

    public void previousChunks() {
        chunkOffset = Math.max(0, chunkOffset - CHUNKS_PER_PAGE);
        loadChunks();
    }

    private void loadChunks() {
        try {
            chunkPage = chunks.page(tenant, upload.id(), chunkOffset, CHUNKS_PER_PAGE);
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    public boolean isHasNextChunks() {
        return chunkPage != null && chunkPage.hasNext();
    }

    public boolean isHasPreviousChunks() {
        return chunkOffset > 0;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UploadView getUpload() {
        return upload;
    }

    public ChunkPage getChunkPage() {
        return chunkPage;
    }

    public int getChunkOffset() {
        return chunkOffset;
    }

    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }

    public AnalysisReport getReport() {
        return report;
    }

    public String getReportProblem() {
        return reportProblem;
    }

    public Analyses.PatternPage getPatternPage() {
        return patternPage;
    }

    public boolean isHasNextPatterns() {
        return patternPage != null && patternOffset + PATTERNS_PER_PAGE < patternPage.total();
    }

    public boolean isHasPreviousPatterns() {
        return patternOffset > 0;
    }

    public int getPatternOffset() {
        return patternOffset;
    }

    public String getPatternSort() {
        return patternSort;
    }

    public void setPatternSort(String patternSort) {
        this.patternSort = patternSort;
    }

    public String getPatternLevel() {
        return patternLevel;
    }

    public void setPatternLevel(String patternLevel) {
        this.patternLevel = patternLevel == null || patternLevel.isBlank() ? null : patternLevel;
    }

    public String getPatternQuery() {
        return patternQuery;
    }

    public void setPatternQuery(String patternQuery) {
        this.patternQuery = patternQuery;
    }

    public List<UploadRow> getBaselines() {
        return baselines;
    }

    public String getChosenBaseline() {
        return chosenBaseline;
    }

    public void setChosenBaseline(String chosenBaseline) {
        this.chosenBaseline = chosenBaseline;
    }
}
