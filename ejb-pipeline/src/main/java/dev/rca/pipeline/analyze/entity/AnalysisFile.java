package dev.rca.pipeline.analyze.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One analysed file: the header layout detected for it and its line map (which pattern each line belongs to). */
@Entity
@Table(name = "analysis_files")
@IdClass(AnalysisFile.Key.class)
@NamedQuery(name = AnalysisFile.FIND_BY_UPLOAD,
        query = "SELECT f FROM AnalysisFile f WHERE f.uploadId = :uploadId ORDER BY f.fileIndex")
@NamedQuery(name = AnalysisFile.DELETE_BY_UPLOAD, query = "DELETE FROM AnalysisFile f WHERE f.uploadId = :uploadId")
public class AnalysisFile {

    public static final String FIND_BY_UPLOAD = "AnalysisFile.findByUpload";
    public static final String DELETE_BY_UPLOAD = "AnalysisFile.deleteByUpload";

    @Id
    @Column(name = "upload_id")
    private UUID uploadId;

    @Id
    @Column(name = "file_index")
    private int fileIndex;

    /** {@code dev.rca.pipeline.analyze.control.FileLayout#encode()}. */
    @Column(nullable = false, length = 512)
    private String layout;

    @Column(name = "line_map", nullable = false)
    private byte[] lineMap;

    /** {@code dev.rca.pipeline.analyze.control.LineMap#encodeIndex}: where every 256th line starts. */
    @Column(name = "line_index", nullable = false)
    private byte[] lineIndex;

    protected AnalysisFile() {
    }

    public AnalysisFile(UUID uploadId, int fileIndex, String layout, byte[] lineMap, byte[] lineIndex) {
        this.uploadId = uploadId;
        this.fileIndex = fileIndex;
        this.layout = layout;
        this.lineMap = lineMap;
        this.lineIndex = lineIndex;
    }

    public int getFileIndex() {
        return fileIndex;
    }

    public String getLayout() {
        return layout;
    }

    public byte[] getLineMap() {
        return lineMap;
    }

    public byte[] getLineIndex() {
        return lineIndex;
    }

    public static class Key implements Serializable {
        private UUID uploadId;
        private int fileIndex;

        public Key() {
        }

        public Key(UUID uploadId, int fileIndex) {
            this.uploadId = uploadId;
            this.fileIndex = fileIndex;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.fileIndex == fileIndex && Objects.equals(key.uploadId, uploadId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(uploadId, fileIndex);
        }
    }
}
