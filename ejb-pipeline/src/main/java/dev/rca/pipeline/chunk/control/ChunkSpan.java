package dev.rca.pipeline.chunk.control;

/**
 * A contiguous part of an uploaded file: bytes [startByte, endByte) holding lines firstLine..lastLine
 * (1-based, inclusive). splitLine marks a piece of a single line that was longer than the chunk target.
 */
public record ChunkSpan(int sequence, long startByte, long endByte, long firstLine, long lastLine, boolean splitLine) {

    public long byteLength() {
        return endByte - startByte;
    }
}
