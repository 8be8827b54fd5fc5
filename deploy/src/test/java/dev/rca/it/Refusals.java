package dev.rca.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refused upload answers with its status and the error shape, and leaves nothing behind but its failed row. */
final class Refusals {

    /**
     * Sends, checks status and error shape, and that only the failed ingest row(s) were added to the tenant's
     * tables and no file to the server's temporary directory.
     */
    static JsonObject assertRefused(UUID tenant, Supplier<Api.Response> request, int status, String error,
                                    int failedRows) throws Exception {
        Map<String, Long> before = Database.footprint(tenant);
        long tempFilesBefore = serverTempFiles();

        Api.Response response = request.get();

        JsonObject body = Errors.assertError(response, status, error);
        assertTrue(body.getString("message").length() > 10, "a sentence says what was wrong: " + body);

        Map<String, Long> expected = new HashMap<>(before);
        expected.merge("failed_ingest_rows", (long) failedRows, Long::sum);
        expected.merge("upload_telemetry_events", (long) failedRows, Long::sum);
        assertEquals(expected, Database.footprint(tenant), "nothing but the failed ingest row is left behind");
        assertEquals(tempFilesBefore, serverTempFiles(), "no temporary file is left behind");
        return body;
    }

    /** Regular files under the test server's temporary directory, where a buffering upload would leave them. */
    static long serverTempFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("it.home.postgresql"), "standalone", "tmp");
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private Refusals() {
    }
}
