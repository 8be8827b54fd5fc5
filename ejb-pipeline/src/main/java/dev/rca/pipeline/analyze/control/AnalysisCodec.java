package dev.rca.pipeline.analyze.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stored form of a report and of a pattern list: JSON (JSON-B, the API's own binding), deflated. */
public final class AnalysisCodec {

    /** Thread-safe; built once, because building one models every class again. */
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type PATTERN_LIST = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[]{PatternSummary.class};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    private AnalysisCodec() {
    }

    public static byte[] report(AnalysisReport report) {
        return LineMap.deflate(JSONB.toJson(report).getBytes(StandardCharsets.UTF_8));
    }

    public static AnalysisReport report(byte[] stored) {
        return JSONB.fromJson(new String(LineMap.inflate(stored), StandardCharsets.UTF_8), AnalysisReport.class);
    }

    public static byte[] patterns(List<PatternSummary> patterns) {
        return LineMap.deflate(JSONB.toJson(patterns, PATTERN_LIST).getBytes(StandardCharsets.UTF_8));
    }

    public static List<PatternSummary> patterns(byte[] stored) {
        return JSONB.fromJson(new String(LineMap.inflate(stored), StandardCharsets.UTF_8), PATTERN_LIST);
    }
}
