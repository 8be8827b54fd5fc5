/** Paging of the operators' filtered listings (uploads, telemetry events): bounds, filters, count and page. */
package dev.rca.paging;
