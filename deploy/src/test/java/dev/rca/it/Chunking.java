package dev.rca.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks, through the API alone, that an upload's chunks hold exactly its text. */
final class Chunking {

    /** Pages through all chunks and asserts that their texts, in order, are the uploaded text. */
    static int assertChunksRebuild(Api api, URI upload, byte[] uploaded) {
        List<JsonObject> chunks = all(api, upload);
        assertTrue(!chunks.isEmpty(), "an upload with text has chunks");
        StringBuilder rebuilt = new StringBuilder(uploaded.length);
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i, chunks.get(i).getInt("sequence"), "chunks come in sequence order");
            rebuilt.append(chunks.get(i).getString("text"));
        }
        assertEquals(new String(uploaded, StandardCharsets.UTF_8), rebuilt.toString(),
                "the chunks' texts, in order, are the uploaded text");
        return chunks.size();
    }

    /** Pages through all chunks of a multi-file upload and returns each file's rebuilt text, by file index. */
    static Map<Integer, String> filesOf(Api api, URI upload) {
        Map<Integer, StringBuilder> files = new TreeMap<>();
        Map<Integer, Integer> nextSequence = new TreeMap<>();
        for (JsonObject chunk : all(api, upload)) {
            int file = chunk.getInt("file");
            assertEquals(nextSequence.getOrDefault(file, 0), chunk.getInt("sequence"),
                    "each file's chunks come in sequence order, without gaps");
            nextSequence.put(file, chunk.getInt("sequence") + 1);
            files.computeIfAbsent(file, index -> new StringBuilder()).append(chunk.getString("text"));
        }
        Map<Integer, String> texts = new TreeMap<>();
        files.forEach((index, text) -> texts.put(index, text.toString()));
        return texts;
    }

    /** Every chunk of the upload, in the API's order, fetched page by page. */
    private static List<JsonObject> all(Api api, URI upload) {
        List<JsonObject> chunks = new ArrayList<>();
        long total;
        do {
            JsonObject page = api.get(URI.create(upload + "/chunks?offset=" + chunks.size() + "&limit=200")).json();
            total = page.getJsonNumber("total").longValue();
            List<JsonObject> more = page.getJsonArray("chunks").getValuesAs(JsonObject.class);
            assertTrue(!more.isEmpty() || chunks.size() >= total, "a page short of the total has chunks");
            chunks.addAll(more);
        } while (chunks.size() < total);
        return chunks;
    }

    private Chunking() {
    }
}
