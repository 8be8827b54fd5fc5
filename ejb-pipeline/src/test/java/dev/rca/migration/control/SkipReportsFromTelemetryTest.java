package dev.rca.migration.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Changeset 007's copy of the skip report out of an ingest row's metadata, as each database hands the JSON over. */
class SkipReportsFromTelemetryTest {

    static final String REPORT = "{\"entries\":2,\"filesIngested\":1,\"filesSkipped\":1,\"bytesIngested\":5,"
            + "\"bytesSkipped\":3,\"skipped\":[{\"name\":\"a.png\",\"reason\":\"binary\",\"detail\":\"not text\","
            + "\"bytes\":3}],\"warnings\":[]}";

    @Test
    void theReportIsTakenFromTheMetadataDocument() {
        assertEquals(REPORT, SkipReportsFromTelemetry.reportOf("{\"bytes\":5,\"partialUploadTelemetry\":" + REPORT
                + "}"));
    }

    @Test
    void aDocumentHandedOverAsAJsonStringIsReadInside() {
        String metadata = "{\"partialUploadTelemetry\":" + REPORT + "}";
        String asString = "\"" + metadata.replace("\"", "\\\"") + "\"";

        assertEquals(REPORT, SkipReportsFromTelemetry.reportOf(asString));
    }

    @Test
    void metadataWithoutAReportHasNone() {
        assertNull(SkipReportsFromTelemetry.reportOf("{\"bytes\":5,\"lines\":1}"));
        assertNull(SkipReportsFromTelemetry.reportOf(null));
    }
}
