package dev.rca.web.api;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one JSON error path of the API: every JSON body, whatever it is read into (a record through JSON-B, a
 * {@code JsonObject}), is first checked by a strict JSON-P reader: a syntax error, a duplicate key or nesting deeper
 * than {@link #MAX_DEPTH} is a 400 {@code invalid_json} naming where (UnreadableBodyMapper), never a 500. A body read
 * into a request record may hold only the record's fields: another key is a 400 {@code invalid_request} naming it
 * (JSON-B would drop it silently, and a misspelt optional field would look accepted). Bodies are
 * at most {@code rca.http.max-buffered-body-bytes} (the request body guard), so reading one twice costs little.
 * Upload bodies (read as a stream) are not JSON documents and are left alone.
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

    static final int MAX_DEPTH = 32;
    private static final JsonReaderFactory STRICT = Json.createReaderFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH));

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || InputStream.class.isAssignableFrom(context.getType())
                || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        JsonValue value;
        try (JsonReader reader = STRICT.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new ProcessingException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Parsson reports its depth limit as a plain RuntimeException.
            throw new ProcessingException("the JSON is nested more than " + MAX_DEPTH + " levels deep", e);
        }
        if (context.getType().isRecord() && value instanceof JsonObject object) {
            refuseUnknownFields(context.getType(), object);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static void refuseUnknownFields(Class<?> type, JsonObject body) {
        List<String> fields = Arrays.stream(type.getRecordComponents()).map(StrictJsonBodies::jsonName).toList();
        for (String key : body.keySet()) {
            if (!fields.contains(key)) {
                throw new BusinessException(ErrorCode.INVALID_REQUEST, "unknown field '" + key + "'; this endpoint"
                        + " takes " + String.join(", ", fields), Map.of("field", key));
            }
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }
}
