package dev.rca.pipeline.ingest.control;

/**
 * Why one file cannot be ingested as it is: inside an archive the file is skipped for it, as a single upload the
 * upload is refused. {@code byteOffset} and {@code line} are set for encoding problems, -1 otherwise.
 */
public class FileProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final SkipReason reason;
    private final long byteOffset;
    private final long line;

    public FileProblem(SkipReason reason, String detail) {
        this(reason, detail, -1, -1);
    }

    public FileProblem(SkipReason reason, String detail, long byteOffset, long line) {
        super(detail);
        this.reason = reason;
        this.byteOffset = byteOffset;
        this.line = line;
    }

    public SkipReason reason() {
        return reason;
    }

    public long byteOffset() {
        return byteOffset;
    }

    public long line() {
        return line;
    }
}
