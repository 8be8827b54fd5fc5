package dev.rca.web.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScrapeWriterTest {

    @Test
    void keepsTheOrderOfCharactersStringsAndArraysAcrossDrains() throws IOException {
        StringWriter out = new StringWriter();
        StringBuilder expected = new StringBuilder();
        try (ScrapeWriter writer = new ScrapeWriter(out, 8)) {
            for (int i = 0; i < 20; i++) {
                writer.write('a' + i % 26);
                expected.append((char) ('a' + i % 26));
                String label = "tenant=\"bench-" + i + "\"";
                writer.write(label);
                expected.append(label);
                char[] longer = ("x".repeat(i)).toCharArray();
                writer.write(longer, 0, longer.length);
                expected.append(longer);
                writer.write("-skip-", 1, 4);
                expected.append("skip");
            }
        }
        assertEquals(expected.toString(), out.toString());
    }

    @Test
    void holdsNothingBackAfterFlush() throws IOException {
        StringWriter out = new StringWriter();
        ScrapeWriter writer = new ScrapeWriter(out, 1024);
        writer.write("rca_uploads_received_total 0.0\n");
        assertEquals("", out.toString());
        writer.flush();
        assertEquals("rca_uploads_received_total 0.0\n", out.toString());
    }
}
