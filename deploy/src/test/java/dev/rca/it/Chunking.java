package dev.rca.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks, through the API alone, that an upload's chunks hold exactly its text. */
final class Chunking {

    /** Pages through all chunks and asserts that their texts, in order, are the uploaded text. */
    static int assertChunksRebuild(Api api, URI upload, byte[] uploaded) {
        StringBuilder rebuilt = new StringBuilder(uploaded.length);
        int offset = 0;
        long total;
        do {
            JsonObject page = api.get(URI.create(upload + "/chunks?offset=" + offset + "&limit=200")).json();
            total = page.getJsonNumber("total").longValue();
            for (JsonValue value : page.getJsonArray("chunks")) {
                JsonObject chunk = value.asJsonObject();
                assertEquals(offset, chunk.getInt("sequence"), "chunks come in sequence order");
                rebuilt.append(chunk.getString("text"));
                offset++;
            }
            assertTrue(offset > 0, "an upload with text has chunks");
        } while (offset < total);
        assertEquals(new String(uploaded, StandardCharsets.UTF_8), rebuilt.toString(),
                "the chunks' texts, in order, are the uploaded text");
        return offset;
    }

    /** Pages through all chunks of a multi-file upload and returns each file's rebuilt text, by file index. */
    static Map<Integer, String> filesOf(Api api, URI upload) {
        Map<Integer, StringBuilder> files = new TreeMap<>();
        Map<Integer, Integer> nextSequence = new TreeMap<>();
        int offset = 0;
        long total;
        do {
            JsonObject page = api.get(URI.create(upload + "/chunks?offset=" + offset + "&limit=200")).json();
            total = page.getJsonNumber("total").longValue();
            for (JsonValue value : page.getJsonArray("chunks")) {
                JsonObject chunk = value.asJsonObject();
                int file = chunk.getInt("file");
                assertEquals(nextSequence.getOrDefault(file, 0), chunk.getInt("sequence"),
                        "each file's chunks come in sequence order, without gaps");
                nextSequence.put(file, chunk.getInt("sequence") + 1);
                files.computeIfAbsent(file, index -> new StringBuilder()).append(chunk.getString("text"));
                offset++;
            }
        } while (offset < total);
        Map<Integer, String> texts = new TreeMap<>();
        files.forEach((index, text) -> texts.put(index, text.toString()));
        return texts;
    }

    private Chunking() {
    }
}
