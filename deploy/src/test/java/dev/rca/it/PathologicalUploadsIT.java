package dev.rca.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files built to hurt the analyze stage, uploaded to the real server: each ends with an analysis (success, or
 * partial naming the bound it hit), never a failed stage or a message in the DLQ. Timing and heap are the
 * benchmark's (docs/benchmarks.md), not asserted here.
 */
class PathologicalUploadsIT extends AdminSession {

    private static final Duration DEADLINE = Duration.ofSeconds(180);

    /** The files, each a few MB: big enough to reach the analyzer's bounds, small enough for CI. */
    enum File {
        ONE_TEN_MEGABYTE_LINE {
            @Override
            String text() {
                return "x".repeat(10 * 1024 * 1024) + "\n";
            }
        },
        EVERY_LINE_UNIQUE {
            @Override
            String text() {
                Random random = new Random(5);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 200_000; i++) {
                    text.append(word(random)).append(' ').append(word(random)).append(' ').append(word(random))
                            .append('\n');
                }
                return text.toString();
            }
        },
        A_STACK_TRACE_OF_TEN_THOUSAND_FRAMES {
            @Override
            String text() {
                StringBuilder text = new StringBuilder("2026-11-30 10:00:00,000 ERROR [main] com.acme.Deep - overflow\n"
                        + "java.lang.StackOverflowError: deep\n");
                for (int i = 0; i < 10_000; i++) {
                    text.append("\tat com.acme.Deep.recurse(Deep.java:").append(i).append(")\n");
                }
                return text.append("2026-11-30 10:00:01,000 INFO  [main] com.acme.Deep - recovered\n").toString();
            }
        },
        RANDOM_PRINTABLE_TEXT {
            @Override
            String text() {
                Random random = new Random(9);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 4 * 1024 * 1024; i++) {
                    text.append(random.nextInt(40) == 0 ? '\n' : (char) (' ' + random.nextInt(95)));
                }
                return text.toString();
            }
        };

        abstract String text();

        static String word(Random random) {
            char[] word = new char[3 + random.nextInt(8)];
            for (int i = 0; i < word.length; i++) {
                word[i] = (char) ('a' + random.nextInt(26));
            }
            return new String(word);
        }
    }

    private Admin.Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = admin.tenant("pathological");
    }

    @ParameterizedTest
    @EnumSource(File.class)
    void endsWithAnAnalysisNeverAFailureOrADeadLetter(File file) {
        long deadLetters = deadLetters();
        Api own = admin.uploader(tenant);
        Api.Response accepted = admin.uploadAccepted(tenant, file.text().getBytes(StandardCharsets.UTF_8), DEADLINE);
        JsonObject done = own.awaitUpload(accepted.locationUri(), Api::finished, DEADLINE);
        assertTrue(Set.of("success", "partial").contains(done.getString("status")), done.toString());
        List<JsonObject> stages = done.getJsonArray("stages").getValuesAs(JsonObject.class);
        JsonObject analyze = stages.get(stages.size() - 1);
        assertEquals("analyze", analyze.getString("stage"), done.toString());
        assertTrue(Set.of("success", "partial").contains(analyze.getString("status")), analyze.toString());

        String upload = "api/tenants/" + tenant.slug() + "/uploads/" + accepted.json().getString("id");
        Api.Response analysis = own.get(upload + "/analysis");
        assertEquals(200, analysis.status(), analysis.body());
        JsonObject report = analysis.json();
        assertTrue(Set.of("success", "partial").contains(report.getString("status")), report.toString());
        if (report.getString("status").equals("partial")) {
            assertFalse(report.getJsonArray("warnings").isEmpty(), "a partial analysis says which bound it hit");
        }
        long counted = 0;
        int total = report.getInt("patternCount");
        for (int offset = 0; offset < total; offset += 1000) {
            JsonObject page = own.get(upload + "/patterns?limit=1000&offset=" + offset).json();
            assertEquals(total, page.getInt("total"), page.toString());
            counted += page.getJsonArray("patterns").getValuesAs(JsonObject.class).stream()
                    .mapToLong(pattern -> pattern.getJsonNumber("count").longValue()).sum();
        }
        assertEquals(report.getJsonNumber("events").longValue(), counted, "the pattern counts add up to the events");
        assertEquals(deadLetters, deadLetters(), "nothing went to the DLQ");
    }

    private long deadLetters() {
        Api.Response depth = api.get("api/admin/dead-letters");
        assertEquals(200, depth.status(), depth.body());
        return depth.json().getJsonNumber("depth").longValue();
    }
}
