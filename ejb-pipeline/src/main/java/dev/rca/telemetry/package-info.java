/**
 * Pipeline telemetry, an observer of the pipeline: the {@code upload_telemetry_events} table (entity
 * {@link dev.rca.telemetry.entity.UploadTelemetryEvent}), one row per stage outcome written in the stage's
 * transaction from its {@code StageOutcome} event (a refused upload's in a transaction of its own), and the
 * Prometheus series on {@code /metrics}. The pipeline never asks it anything.
 */
package dev.rca.telemetry;
