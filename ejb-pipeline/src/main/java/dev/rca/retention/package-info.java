/**
 * Data lifecycle: the hourly sweep that deletes what has outlived its retention — a tenant's uploads after its
 * {@code upload_retention_days}, telemetry rows after {@code rca.telemetry.retention-days}, sign-in attempts after
 * {@code rca.sign-in.history-days} — on one node at a time (docs/operations.md, "Data lifecycle").
 */
package dev.rca.retention;
