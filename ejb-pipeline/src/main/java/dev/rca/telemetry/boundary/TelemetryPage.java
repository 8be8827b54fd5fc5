package dev.rca.telemetry.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of telemetry rows, newest first; {@code uploadId} is null for a refused upload's ingest attempt. */
public record TelemetryPage(long total, int offset, int limit, List<Event> events) {

    public record Event(long id, Instant createdAt, String tenant, UUID uploadId, String stage, String status,
                        long durationMs, Map<String, Object> metadata) {
    }
}
