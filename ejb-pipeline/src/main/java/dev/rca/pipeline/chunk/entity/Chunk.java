package dev.rca.pipeline.chunk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.UUID;

/** A line-aligned byte range of one stored file: the text is not copied, it is read from the file's blocks. */
@Entity
@Table(name = "chunks")
@NamedQuery(name = Chunk.FIND_BY_UPLOAD,
        query = "SELECT c FROM Chunk c WHERE c.uploadId = :uploadId ORDER BY c.fileId, c.sequence")
@NamedQuery(name = Chunk.COUNT_BY_UPLOAD, query = "SELECT COUNT(c) FROM Chunk c WHERE c.uploadId = :uploadId")
@NamedQuery(name = Chunk.DELETE_BY_UPLOAD, query = "DELETE FROM Chunk c WHERE c.uploadId = :uploadId")
public class Chunk {

    public static final String DELETE_BY_UPLOAD = "Chunk.deleteByUpload";

    public static final String FIND_BY_UPLOAD = "Chunk.findByUpload";
    public static final String COUNT_BY_UPLOAD = "Chunk.countByUpload";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chunks_seq")
    @SequenceGenerator(name = "chunks_seq", sequenceName = "chunks_seq", allocationSize = 50)
    private Long id;

    @Column(name = "upload_id", nullable = false)
    private UUID uploadId;

    @Column(name = "file_id", nullable = false)
    private long fileId;

    @Column(nullable = false)
    private int sequence;

    @Column(name = "start_byte", nullable = false)
    private long startByte;

    @Column(name = "end_byte", nullable = false)
    private long endByte;

    @Column(name = "first_line", nullable = false)
    private long firstLine;

    @Column(name = "last_line", nullable = false)
    private long lastLine;

    @Column(name = "split_line", nullable = false)
    private boolean splitLine;

    protected Chunk() {
    }

    public Chunk(UUID uploadId, long fileId, int sequence, long startByte, long endByte, long firstLine, long lastLine,
                 boolean splitLine) {
        this.uploadId = uploadId;
        this.fileId = fileId;
        this.sequence = sequence;
        this.startByte = startByte;
        this.endByte = endByte;
        this.firstLine = firstLine;
        this.lastLine = lastLine;
        this.splitLine = splitLine;
    }

    public Long getId() {
        return id;
    }

    public UUID getUploadId() {
        return uploadId;
    }

    public long getFileId() {
        return fileId;
    }

    public int getSequence() {
        return sequence;
    }

    public long getStartByte() {
        return startByte;
    }

    public long getEndByte() {
        return endByte;
    }

    public long getFirstLine() {
        return firstLine;
    }

    public long getLastLine() {
        return lastLine;
    }

    public boolean isSplitLine() {
        return splitLine;
    }
}
