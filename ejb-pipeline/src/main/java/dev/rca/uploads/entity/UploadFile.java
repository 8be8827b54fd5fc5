package dev.rca.uploads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.UUID;

/** One text file of an upload; its bytes live in {@code file_blocks}, {@link #getBlockBytes()} per block. */
@Entity
@Table(name = "upload_files")
@NamedQuery(name = UploadFile.FIND_BY_UPLOAD,
        query = "SELECT f FROM UploadFile f WHERE f.uploadId = :uploadId ORDER BY f.fileIndex")
@NamedQuery(name = UploadFile.DELETE_BY_UPLOAD, query = "DELETE FROM UploadFile f WHERE f.uploadId = :uploadId")
public class UploadFile {

    public static final String DELETE_BY_UPLOAD = "UploadFile.deleteByUpload";

    public static final String FIND_BY_UPLOAD = "UploadFile.findByUpload";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "upload_files_seq")
    @SequenceGenerator(name = "upload_files_seq", sequenceName = "upload_files_seq", allocationSize = 50)
    private Long id;

    @Column(name = "upload_id", nullable = false)
    private UUID uploadId;

    @Column(name = "file_index", nullable = false)
    private int fileIndex;

    private String name;

    @Column(nullable = false)
    private long bytes;

    @Column(nullable = false)
    private long lines;

    @Column(name = "block_bytes", nullable = false)
    private int blockBytes;

    @Column(name = "block_count", nullable = false)
    private int blockCount;

    protected UploadFile() {
    }

    public UploadFile(UUID uploadId, int fileIndex, String name, int blockBytes) {
        this.uploadId = uploadId;
        this.fileIndex = fileIndex;
        this.name = name;
        this.blockBytes = blockBytes;
    }

    public void stored(long bytes, long lines, int blockCount) {
        this.bytes = bytes;
        this.lines = lines;
        this.blockCount = blockCount;
    }

    public Long getId() {
        return id;
    }

    public UUID getUploadId() {
        return uploadId;
    }

    public int getFileIndex() {
        return fileIndex;
    }

    public String getName() {
        return name;
    }

    public long getBytes() {
        return bytes;
    }

    public long getLines() {
        return lines;
    }

    public int getBlockBytes() {
        return blockBytes;
    }

    public int getBlockCount() {
        return blockCount;
    }
}
