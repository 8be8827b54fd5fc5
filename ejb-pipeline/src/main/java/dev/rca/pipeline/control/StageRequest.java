package dev.rca.pipeline.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.UUID;

/** The JMS payload that asks a stage to do its work on an upload: the upload's id only, as JSON text. */
public record StageRequest(UUID uploadId) {

    private static final String UPLOAD_ID = "uploadId";
    /** Looked up once: {@code Json.create…} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public String toJson() {
        return JSON.createObjectBuilder().add(UPLOAD_ID, uploadId.toString()).build().toString();
    }

    /** @throws IllegalArgumentException when {@code json} is not a stage request */
    public static StageRequest fromJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return new StageRequest(UUID.fromString(object.getString(UPLOAD_ID)));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a stage request: " + json, e);
        }
    }
}
