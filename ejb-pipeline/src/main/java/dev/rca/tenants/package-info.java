/**
 * Tenants: the organisations whose uploads the pipeline keeps apart, created and (de)activated through the admin
 * API. A tenant's slug names it in API paths and metric labels; its uuid is what the telemetry table stores.
 */
package dev.rca.tenants;
