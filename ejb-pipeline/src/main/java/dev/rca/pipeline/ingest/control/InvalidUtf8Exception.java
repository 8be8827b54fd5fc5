package dev.rca.pipeline.ingest.control;

public class InvalidUtf8Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final long byteOffset;
    private final long line;

    public InvalidUtf8Exception(long byteOffset, long line) {
        super("invalid UTF-8 byte sequence at byte offset " + byteOffset + " (line " + line + ")");
        this.byteOffset = byteOffset;
        this.line = line;
    }

    public long byteOffset() {
        return byteOffset;
    }

    public long line() {
        return line;
    }
}
