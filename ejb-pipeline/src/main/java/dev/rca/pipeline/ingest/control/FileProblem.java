package dev.rca.pipeline.ingest.control;

/**
 * Why one file cannot be ingested as it is: inside an archive the file is skipped for it, as a single upload the
 * upload is refused. {@code byteOffset} and {@code line} are set for encoding problems, -1 otherwise.
 */
public class FileProblem extends Exception {

    /** What exactly is wrong: decides the refusal of a single upload, and gives the skip reason in an archive. */
    public enum Kind {
        NO_BYTES(SkipReason.EMPTY),
        ONLY_BOM(SkipReason.EMPTY),
        /** An encoding other than UTF-8 or UTF-16 with a byte order mark. */
        UNSUPPORTED_ENCODING(SkipReason.ENCODING),
        INVALID_UTF8(SkipReason.ENCODING),
        /** Invalid UTF-16. */
        INVALID_ENCODING(SkipReason.ENCODING),
        BINARY(SkipReason.BINARY),
        TOO_LARGE(SkipReason.TOO_LARGE),
        NESTED_ARCHIVE(SkipReason.NESTED_ARCHIVE),
        PATH(SkipReason.PATH),
        LINK(SkipReason.LINK),
        NOT_A_FILE(SkipReason.NOT_A_FILE),
        UNREADABLE(SkipReason.UNREADABLE);

        private final SkipReason reason;

        Kind(SkipReason reason) {
            this.reason = reason;
        }
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final long byteOffset;
    private final long line;

    public FileProblem(Kind kind, String detail) {
        this(kind, detail, -1, -1);
    }

    public FileProblem(Kind kind, String detail, long byteOffset, long line) {
        super(detail);
        this.kind = kind;
        this.byteOffset = byteOffset;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    public SkipReason reason() {
        return kind.reason;
    }

    public long byteOffset() {
        return byteOffset;
    }

    public long line() {
        return line;
    }
}
