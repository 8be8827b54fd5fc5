/**
 * Pipeline telemetry: the {@code upload_telemetry_events} table (entity
 * {@link dev.rca.telemetry.entity.UploadTelemetryEventRecord}), one row per stage outcome, written in the stage's
 * transaction; a refused upload's row is written in a transaction of its own.
 */
package dev.rca.telemetry;
