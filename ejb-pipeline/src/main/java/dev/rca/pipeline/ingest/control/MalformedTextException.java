package dev.rca.pipeline.ingest.control;

import java.io.IOException;

/** Bytes that are not valid in the encoding a file declared, found while streaming it. */
public class MalformedTextException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String encoding;
    private final long byteOffset;
    private final long line;

    public MalformedTextException(String encoding, long byteOffset, long line) {
        super("invalid " + encoding + " byte sequence at byte offset " + byteOffset + " (line " + line + ")");
        this.encoding = encoding;
        this.byteOffset = byteOffset;
        this.line = line;
    }

    public String encoding() {
        return encoding;
    }

    public long byteOffset() {
        return byteOffset;
    }

    public long line() {
        return line;
    }
}
