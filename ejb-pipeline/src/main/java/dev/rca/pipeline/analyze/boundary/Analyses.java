package dev.rca.pipeline.analyze.boundary;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.paging.FilteredPage;
import dev.rca.pipeline.analyze.control.AnalysisCodec;
import dev.rca.pipeline.analyze.control.AnalysisReport;
import dev.rca.pipeline.analyze.control.BaselineComparison;
import dev.rca.pipeline.analyze.control.FileLayout;
import dev.rca.pipeline.analyze.control.LineMap;
import dev.rca.pipeline.analyze.control.LineParser;
import dev.rca.pipeline.analyze.control.LineSplitter;
import dev.rca.pipeline.analyze.control.LogAnalyzer;
import dev.rca.pipeline.analyze.control.LogLevel;
import dev.rca.pipeline.analyze.control.ParsedLine;
import dev.rca.pipeline.analyze.control.PatternSummary;
import dev.rca.pipeline.analyze.control.Suspects;
import dev.rca.pipeline.analyze.entity.AnalysisFile;
import dev.rca.pipeline.analyze.entity.UploadAnalysis;
import dev.rca.pipeline.boundary.UploadProgress;
import dev.rca.pipeline.control.StageLedger;
import dev.rca.pipeline.control.UploadDeleted;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageCompletion;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.tenants.control.TenantLookup;
import dev.rca.tenants.entity.Tenant;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import dev.rca.uploads.entity.UploadStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an upload's analysis for the API, within one tenant (docs/api.md, "Analysis"): the report, optionally
 * against a baseline, the patterns, and the lines behind a pattern or of a file, read back from the stored blocks
 * through the file's line index and split by the layout detected for the file.
 */
@Stateless
public class Analyses {

    public static final int MAX_PATTERN_PAGE = 1_000;
    public static final int MAX_LINE_PAGE = 5_000;
    /** Longest message or line text returned; a longer one is cut and marked {@code truncated}. */
    public static final int MAX_TEXT_CHARS = 8_192;

    @PersistenceContext
    EntityManager em;

    @EJB
    TenantLookup tenants;

    @EJB
    UploadProgress uploads;

    @EJB
    StageLedger ledger;

    @EJB
    FileBlocks blocks;

    /** The page of an upload's patterns. */
    public record PatternPage(long total, List<PatternSummary> patterns) {
    }

    /** A line behind a pattern. */
    public record PatternLine(int file, long line, String text, boolean truncated) {
    }

    public record PatternLinePage(long total, List<PatternLine> lines) {
    }

    /** A line of a file: its header fields (null on a continuation line), message, pattern and event. */
    @JsonbNillable
    public record FileLine(long line, String timestamp, String level, String message, String pattern, long event,
                           boolean truncated) {
    }

    public record FileLinePage(long total, List<FileLine> lines) {
    }

    public AnalysisReport report(String tenantSlug, UUID uploadId, UUID baselineId) {
        Tenant tenant = tenants.bySlug(tenantSlug);
        Upload upload = uploads.find(tenant, uploadId);
        UploadAnalysis analysis = em.find(UploadAnalysis.class, uploadId);
        if (analysis == null) {
            return withoutAnalysis(upload);
        }
        AnalysisReport report = AnalysisCodec.report(analysis.getReport());
        if (baselineId == null) {
            return report;
        }
        Upload baseline = uploads.find(tenant, baselineId);
        UploadAnalysis baselineAnalysis = em.find(UploadAnalysis.class, baseline.getId());
        if (baselineAnalysis == null) {
            throw pending(baseline, "baseline");
        }
        List<PatternSummary> patterns = AnalysisCodec.patterns(analysis.getPatterns());
        AnalysisReport.Comparison comparison = BaselineComparison.compare(baselineId.toString(), patterns,
                AnalysisCodec.patterns(baselineAnalysis.getPatterns()));
        return report.compared(Suspects.rank(patterns, report.bursts(), report.events(),
                BaselineComparison.newPatterns(comparison)), comparison);
    }

    public PatternPage patterns(String tenantSlug, UUID uploadId, String sort, String level, String query,
                                int offset, int limit) {
        FilteredPage.checkBounds(offset, limit, MAX_PATTERN_PAGE);
        Comparator<PatternSummary> order = switch (sort == null ? "count" : sort) {
            case "count" -> Comparator.comparingLong((PatternSummary p) -> -p.count())
                    .thenComparing(PatternSummary::template);
            case "rare" -> Comparator.comparingLong(PatternSummary::count).thenComparing(Suspects.FIRST_SEEN);
            case "first" -> Suspects.FIRST_SEEN;
            default -> throw invalid("sort", sort, "sort must be count, rare or first");
        };
        LogLevel atLeast = level == null || level.isBlank() ? null : level(level);
        String needle = query == null || query.isEmpty() ? null : query.toLowerCase(Locale.ROOT);
        List<PatternSummary> matching = storedPatterns(tenantSlug, uploadId).stream()
                .filter(p -> atLeast == null || p.level() != null && LogLevel.valueOf(p.level()).atLeast(atLeast))
                .filter(p -> needle == null || p.template().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order)
                .toList();
        return new PatternPage(matching.size(),
                matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())));
    }

    /** One pattern of the upload; 404 {@code unknown_pattern} for an id it does not have. */
    public PatternSummary pattern(String tenantSlug, UUID uploadId, String patternId) {
        return storedPatterns(tenantSlug, uploadId).stream().filter(p -> p.id().equals(patternId)).findFirst()
                .orElseThrow(() -> unknownPattern(uploadId, patternId));
    }

    private static BusinessException unknownPattern(UUID uploadId, String patternId) {
        return new BusinessException(ErrorCode.UNKNOWN_PATTERN, "upload " + uploadId + " has no pattern " + patternId,
                Map.of("pattern", String.valueOf(patternId)));
    }

    public PatternLinePage patternLines(String tenantSlug, UUID uploadId, String patternId, long offset, int limit) {
        FilteredPage.checkBounds(offset, limit, MAX_LINE_PAGE);
        List<PatternSummary> patterns = storedPatterns(tenantSlug, uploadId);
        int ordinal = -1;
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).id().equals(patternId)) {
                ordinal = i;
            }
        }
        if (ordinal < 0) {
            throw unknownPattern(uploadId, patternId);
        }
        Map<Integer, UploadFile> files = filesByIndex(uploadId);
        long total = 0;
        List<PatternLine> page = new ArrayList<>();
        for (AnalysisFile file : analysisFiles(uploadId)) {
            int[] map = LineMap.decode(file.getLineMap());
            List<Long> wanted = new ArrayList<>();
            for (int line = 0; line < map.length; line++) {
                if (map[line] >>> 1 == ordinal) {
                    if (total >= offset && page.size() + wanted.size() < limit) {
                        wanted.add(line + 1L);
                    }
                    total++;
                }
            }
            if (!wanted.isEmpty()) {
                Set<Long> lines = Set.copyOf(wanted);
                read(files.get(file.getFileIndex()), LineMap.decodeIndex(file.getLineIndex()), wanted.get(0),
                        wanted.get(wanted.size() - 1), (number, text, cut) -> {
                            if (lines.contains(number)) {
                                String shown = cut(text);
                                page.add(new PatternLine(file.getFileIndex(), number, shown,
                                        cut || shown.length() < text.length()));
                            }
                        });
            }
        }
        return new PatternLinePage(total, page);
    }

    public FileLinePage fileLines(String tenantSlug, UUID uploadId, int fileIndex, long from, int limit,
                                  String query) {
        if (from < 1) {
            throw invalid("from", from, "from must be >= 1 (lines are numbered from 1)");
        }
        FilteredPage.checkBounds(0, limit, MAX_LINE_PAGE);
        Upload upload = uploads.find(tenants.bySlug(tenantSlug), uploadId);
        UploadFile file = file(upload, fileIndex);
        AnalysisFile analysed = em.find(AnalysisFile.class, new AnalysisFile.Key(uploadId, fileIndex));
        List<PatternSummary> patterns = analysed == null ? List.of()
                : AnalysisCodec.patterns(em.find(UploadAnalysis.class, uploadId).getPatterns());
        int[] map = analysed == null ? null : LineMap.decode(analysed.getLineMap());
        long[] index = analysed == null ? new long[]{0} : LineMap.decodeIndex(analysed.getLineIndex());
        LineParser parser = new LineParser(analysed == null ? FileLayout.PLAIN
                : FileLayout.decode(analysed.getLayout()), upload.getReceivedAt());
        ParsedLine parsed = new ParsedLine();
        List<FileLine> page = new ArrayList<>();
        String needle = query == null || query.isEmpty() ? null : query.toLowerCase(Locale.ROOT);
        long[] total = {needle == null ? file.getLines() : 0};
        long firstLine = needle == null ? from : 1;
        long lastLine = needle == null ? from + limit - 1 : file.getLines();
        if (firstLine <= file.getLines()) {
            read(file, needle == null ? index : new long[]{0}, firstLine, Math.min(lastLine, file.getLines()),
                    (number, text, cut) -> {
                        if (needle != null) {
                            if (!text.toLowerCase(Locale.ROOT).contains(needle)) {
                                return;
                            }
                            total[0]++;
                            if (total[0] < from || page.size() >= limit) {
                                return;
                            }
                        }
                        page.add(fileLine(number, text, cut, map, patterns, parser, parsed));
                    });
        }
        return new FileLinePage(total[0], page);
    }

    /** The name of a file of the tenant's upload (404 for an unknown upload or file). */
    public String fileName(String tenantSlug, UUID uploadId, int fileIndex) {
        UploadFile file = file(uploads.find(tenants.bySlug(tenantSlug), uploadId), fileIndex);
        return file.getName() == null ? "upload-" + uploadId + "-" + fileIndex + ".log" : file.getName();
    }

    /** Writes a file's stored text (UTF-8) to {@code out}, block by block, in a transaction of its own. */
    public void writeRaw(String tenantSlug, UUID uploadId, int fileIndex, OutputStream out) {
        UploadFile file = file(uploads.find(tenants.bySlug(tenantSlug), uploadId), fileIndex);
        if (file.getBlockCount() == 0) {
            return;
        }
        blocks.read(file.getId(), 0, file.getBlockCount() - 1, (index, data, length) -> {
            try {
                out.write(data, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException("the client went away", e);
            }
        });
    }

    private UploadFile file(Upload upload, int fileIndex) {
        UploadFile file = filesByIndex(upload.getId()).get(fileIndex);
        if (file == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_FILE, "upload " + upload.getId() + " has no file "
                    + fileIndex, Map.of("file", fileIndex));
        }
        return file;
    }

    private static FileLine fileLine(long number, String text, boolean cut, int[] map, List<PatternSummary> patterns,
                                     LineParser parser, ParsedLine parsed) {
        int entry = map == null || number > map.length ? -1 : map[(int) (number - 1)];
        boolean continuation = entry >= 0 && (entry & 1) == 1;
        String pattern = entry < 0 ? null : patterns.get(entry >>> 1).id();
        long event = number;
        if (continuation) {
            while (event > 1 && (map[(int) (event - 1)] & 1) == 1) {
                event--;
            }
        }
        String message;
        String timestamp = null;
        String level = null;
        if (continuation) {
            message = text;
        } else {
            parser.parse(text, parsed);
            message = parsed.message();
            timestamp = parsed.hasTimestamp() ? Instant.ofEpochMilli(parsed.timestamp()).toString() : null;
            level = parsed.level() == null ? null : parsed.level().name();
        }
        String shown = cut(message);
        return new FileLine(number, timestamp, level, shown, pattern, event, cut || shown.length() < message.length());
    }

    /** Receives a line read back: its number, its text (at most a limit's worth) and whether it was cut. */
    private interface LineSink {
        void line(long number, String text, boolean cut);
    }

    /** Reads lines {@code first} to {@code last} of a file from its blocks, starting at the closest indexed line. */
    private void read(UploadFile file, long[] index, long first, long last, LineSink sink) {
        if (file.getBlockCount() == 0) {
            return;
        }
        int entry = (int) Math.min((first - 1) / LineSplitter.INDEX_STEP, index.length - 1);
        long startByte = index[entry];
        long[] number = {(long) entry * LineSplitter.INDEX_STEP + 1};
        int endEntry = (int) ((last - 1) / LineSplitter.INDEX_STEP) + 1;
        long endByte = endEntry < index.length ? index[endEntry] : file.getBytes();
        int blockBytes = file.getBlockBytes();
        int firstBlock = (int) (startByte / blockBytes);
        int lastBlock = (int) Math.min(file.getBlockCount() - 1, Math.max(firstBlock, (endByte - 1) / blockBytes));
        LineSplitter splitter = new LineSplitter(MAX_TEXT_CHARS * 4 + 1, line -> {
            long current = number[0]++;
            if (current >= first && current <= last) {
                boolean cut = line.length() > MAX_TEXT_CHARS * 4;
                sink.line(current, line, cut);
            }
        });
        blocks.read(file.getId(), firstBlock, lastBlock, (blockIndex, data, length) -> {
            long blockStart = (long) blockIndex * blockBytes;
            int from = (int) Math.max(0, startByte - blockStart);
            int to = (int) Math.min(length, endByte - blockStart);
            if (to > from) {
                splitter.feed(data, from, to - from);
            }
        });
        splitter.finish();
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    private List<PatternSummary> storedPatterns(String tenantSlug, UUID uploadId) {
        Upload upload = uploads.find(tenants.bySlug(tenantSlug), uploadId);
        UploadAnalysis analysis = em.find(UploadAnalysis.class, uploadId);
        if (analysis == null) {
            if (withoutAnalysis(upload).status().equals("none")) {
                return List.of();
            }
            throw pending(upload, "upload");
        }
        return AnalysisCodec.patterns(analysis.getPatterns());
    }

    /**
     * The report of an upload that has no stored analysis: {@code failed} when the stage failed on it, {@code none}
     * when it ended without one (it predates the stage, or an earlier stage failed); 409 while it may still come.
     */
    private AnalysisReport withoutAnalysis(Upload upload) {
        StageCompletion analyzed = ledger.completions(upload.getId()).get(Stage.ANALYZE);
        if (analyzed != null && analyzed.getStatus() == StageStatus.FAILED) {
            Object message = analyzed.getDetails().getOrDefault("message", "the analyze stage failed");
            return empty("failed", List.of(String.valueOf(message)));
        }
        if (analyzed == null && upload.getStatus() != UploadStatus.PROCESSING) {
            return empty("none", List.of());
        }
        throw pending(upload, "upload");
    }

    private static AnalysisReport empty(String status, List<String> warnings) {
        return new AnalysisReport(status, LogAnalyzer.VERSION, 0, 0, 0, null, warnings, List.of(), List.of(),
                List.of(), new AnalysisReport.Timeline(0, List.of()), List.of(), null);
    }

    private static BusinessException pending(Upload upload, String role) {
        return new BusinessException(ErrorCode.ANALYSIS_PENDING, "the analysis of upload " + upload.getId()
                + " is not ready yet: its analyze stage has not recorded an outcome", Map.of(role,
                upload.getId().toString()));
    }

    private Map<Integer, UploadFile> filesByIndex(UUID uploadId) {
        Map<Integer, UploadFile> files = new java.util.HashMap<>();
        em.createNamedQuery(UploadFile.FIND_BY_UPLOAD, UploadFile.class).setParameter("uploadId", uploadId)
                .getResultStream().forEach(file -> files.put(file.getFileIndex(), file));
        return files;
    }

    private List<AnalysisFile> analysisFiles(UUID uploadId) {
        return em.createNamedQuery(AnalysisFile.FIND_BY_UPLOAD, AnalysisFile.class).setParameter("uploadId", uploadId)
                .getResultList();
    }

    private static LogLevel level(String level) {
        try {
            return LogLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("level", level, "level must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
        }
    }

    private static BusinessException invalid(String parameter, Object value, String message) {
        return new BusinessException(ErrorCode.INVALID_PARAMETER, message,
                Map.of("parameter", parameter, "value", String.valueOf(value)));
    }

    /** The upload is being deleted: its analysis goes first, in the same transaction. */
    public void uploadDeleted(@Observes UploadDeleted deleted) {
        em.createNamedQuery(AnalysisFile.DELETE_BY_UPLOAD).setParameter("uploadId", deleted.uploadId()).executeUpdate();
        em.createNamedQuery(UploadAnalysis.DELETE_BY_UPLOAD).setParameter("uploadId", deleted.uploadId())
                .executeUpdate();
    }

}
