/** The telemetry's HTTP face: the Prometheus endpoint {@code /metrics}. */
package dev.rca.web.metrics;
