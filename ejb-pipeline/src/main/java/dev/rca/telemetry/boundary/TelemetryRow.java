package dev.rca.telemetry.boundary;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One telemetry row as the admin UI lists it; {@code uploadId} is null for a refused upload's ingest attempt. */
public record TelemetryRow(long id, Instant createdAt, String tenant, UUID uploadId, String stage, String status,
                           long durationMs, Map<String, Object> metadata) {
}
