package dev.rca.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples of the application's /metrics, read as a scraper reads them. */
final class Metrics {

    /** Chunk requests the chunk stage skipped because it had already committed the upload: one per skip, node-wide. */
    static final Pattern CHUNK_DUPLICATES =
            Pattern.compile("(?m)^rca_pipeline_duplicate_requests_total\\{[^}]*stage=\"chunk\"[^}]*} ([0-9.]+)$");
    static final Pattern DLQ_DEPTH =
            Pattern.compile("(?m)^rca_pipeline_queue_depth\\{[^}]*queue=\"DLQ\"[^}]*} ([0-9.]+)$");

    private Metrics() {
    }

    /** The value of the first sample of {@code series} on the /metrics {@code api} reads, or -1 when there is none. */
    static double value(Api api, Pattern series) {
        Matcher value = series.matcher(api.get("metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }
}
