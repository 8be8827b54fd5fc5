package dev.rca.pipeline.analyze.boundary;

import dev.rca.pipeline.analyze.control.AnalysisCodec;
import dev.rca.pipeline.analyze.control.AnalysisReport;
import dev.rca.pipeline.analyze.control.AnalyzerLimits;
import dev.rca.pipeline.analyze.control.LineMap;
import dev.rca.pipeline.analyze.control.LineSplitter;
import dev.rca.pipeline.analyze.control.LogAnalyzer;
import dev.rca.pipeline.analyze.entity.AnalysisFile;
import dev.rca.pipeline.analyze.entity.UploadAnalysis;
import dev.rca.pipeline.control.QueuedStage;
import dev.rca.pipeline.control.StageFailure;
import dev.rca.pipeline.control.StageResult;
import dev.rca.pipeline.control.StoredFiles;
import dev.rca.pipeline.entity.Stage;
import dev.rca.pipeline.entity.StageStatus;
import dev.rca.uploads.control.FileBlocks;
import dev.rca.uploads.entity.Upload;
import dev.rca.uploads.entity.UploadFile;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The analyze stage's work: reads every file of a chunked upload once, block by block, through the analyzer
 * (docs/analysis.md) and stores its report, patterns and line maps, replacing an earlier analysis of the upload.
 * A failure of the analyzer itself on some input is permanent (recorded as failed, never redelivered); a failure to
 * read or write the database is not.
 */
@Stateless
@LocalBean
@Local(QueuedStage.class)
public class AnalyzeStage implements QueuedStage {

    private static final Logger LOG = Logger.getLogger(AnalyzeStage.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    FileBlocks blocks;

    @EJB
    StoredFiles storedFiles;

    @Override
    public Stage stage() {
        return Stage.ANALYZE;
    }

    @Override
    public StageResult perform(Upload upload) throws StageFailure {
        List<UploadFile> files = storedFiles.of(upload);
        AnalyzerLimits limits = AnalyzerLimits.DEFAULTS;
        LogAnalyzer analyzer = new LogAnalyzer(limits, upload.getReceivedAt());
        Fault fault = new Fault();
        List<byte[]> indexes = new java.util.ArrayList<>(files.size());
        long textBytes = 0;
        for (UploadFile file : files) {
            LogAnalyzer.FileScan scan = analyzer.file(file.getFileIndex(), file.getName());
            LineSplitter splitter = new LineSplitter(limits.maxLineChars(), scan::line);
            if (file.getBlockCount() > 0) {
                // Nothing thrown through the block reader: an exception out of an EJB call dooms the transaction,
                // and the failure could not be recorded in it.
                blocks.read(file.getId(), 0, file.getBlockCount() - 1,
                        (index, data, length) -> fault.run(() -> splitter.feed(data, 0, length)));
            }
            fault.run(() -> {
                splitter.finish();
                scan.finish();
            });
            if (fault.cause != null) {
                throw failure(upload, fault.cause);
            }
            if (splitter.cutLines() > 0) {
                // Not partial: a template keeps only a message's first 256 tokens and masks tokens over 100
                // characters, so what follows the first MiB of a line would not change it.
                analyzer.warn((file.getName() == null ? "file " + file.getFileIndex() : file.getName()) + ": "
                        + splitter.cutLines() + " line(s) longer than "
                        + limits.maxLineChars() + " bytes were analysed on their first " + limits.maxLineChars());
            }
            textBytes += file.getBytes();
            indexes.add(LineMap.encodeIndex(splitter.index()));
        }
        LogAnalyzer.Analysis[] analysis = new LogAnalyzer.Analysis[1];
        fault.run(() -> analysis[0] = analyzer.finish());
        if (fault.cause != null) {
            throw failure(upload, fault.cause);
        }
        return store(upload, analysis[0], indexes, textBytes);
    }

    private StageResult store(Upload upload, LogAnalyzer.Analysis analysis, List<byte[]> indexes,
                              long textBytes) {
        AnalysisReport report = analysis.report();
        em.createNamedQuery(AnalysisFile.DELETE_BY_UPLOAD).setParameter("uploadId", upload.getId()).executeUpdate();
        UploadAnalysis previous = em.find(UploadAnalysis.class, upload.getId());
        if (previous != null) {
            em.remove(previous);
            em.flush();
        }
        byte[] reportBytes = AnalysisCodec.report(report);
        byte[] patternBytes = AnalysisCodec.patterns(analysis.patterns());
        long stored = reportBytes.length + patternBytes.length;
        for (int i = 0; i < indexes.size(); i++) {
            stored += analysis.lineMaps().get(i).length + indexes.get(i).length;
        }
        em.persist(new UploadAnalysis(upload.getId(), LogAnalyzer.VERSION, report.status(), report.patternCount(),
                reportBytes, patternBytes, stored, Instant.now()));
        em.flush();
        for (int i = 0; i < analysis.lineMaps().size(); i++) {
            em.persist(new AnalysisFile(upload.getId(), report.files().get(i).index(),
                    analysis.layouts().get(i).encode(), analysis.lineMaps().get(i), indexes.get(i)));
        }
        long timestamped = report.files().stream().mapToLong(AnalysisReport.FileSummary::timestampedLines).sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("analyzer", LogAnalyzer.VERSION);
        details.put("lines", report.lines());
        details.put("events", report.events());
        details.put("patterns", report.patternCount());
        details.put("exceptions", report.exceptions().size());
        details.put("suspects", report.suspects().size());
        details.put("timestampedShare", report.lines() == 0 ? 0.0
                : Math.round(1000.0 * timestamped / report.lines()) / 1000.0);
        details.put("storedBytes", stored);
        details.put("storedShare", textBytes == 0 ? 0.0 : Math.round(10000.0 * stored / textBytes) / 10000.0);
        if (!report.warnings().isEmpty()) {
            details.put("warnings", report.warnings());
        }
        return new StageResult("partial".equals(report.status()) ? StageStatus.PARTIAL : StageStatus.SUCCESS,
                details);
    }

    private static StageFailure failure(Upload upload, Throwable cause) {
        LOG.log(Level.SEVERE, "the analyzer failed on upload " + upload.getId(), cause);
        return new StageFailure("analysis_failed", "the analyzer failed on this input: " + cause);
    }

    /**
     * The first failure of the analyzer on the input (its fault, not the database's): once there is one, the rest
     * of the input is skipped.
     */
    private static final class Fault {
        Throwable cause;

        void run(Runnable step) {
            if (cause != null) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException | StackOverflowError e) {
                cause = e;
            }
        }
    }
}
