package dev.rca.pipeline.chunk.boundary;

import dev.rca.paging.Paged;
import java.util.List;
import java.util.UUID;

/** One page of an upload's chunks, in file and sequence order, with their text. */
public record ChunkPage(UUID uploadId, long total, int offset, int limit, List<ChunkView> chunks) implements Paged {

    @Override
    public int size() {
        return chunks.size();
    }


    public record ChunkView(int file, int sequence, long startByte, long endByte, long firstLine, long lastLine,
                            boolean splitLine, String text) {
    }
}
