package dev.rca.pipeline.chunk.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.UUID;

/** The JMS payload that asks the chunk stage to chunk an ingested upload: its id only, as JSON text. */
public record ChunkRequest(UUID uploadId) {

    private static final String UPLOAD_ID = "uploadId";

    public String toJson() {
        return Json.createObjectBuilder().add(UPLOAD_ID, uploadId.toString()).build().toString();
    }

    /** @throws IllegalArgumentException when {@code json} is not a chunk request */
    public static ChunkRequest fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return new ChunkRequest(UUID.fromString(object.getString(UPLOAD_ID)));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a chunk request: " + json, e);
        }
    }
}
