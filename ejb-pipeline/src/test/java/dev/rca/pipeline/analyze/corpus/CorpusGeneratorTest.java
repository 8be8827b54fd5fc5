package dev.rca.pipeline.analyze.corpus;

import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Corpus;
import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the corpus generator itself (its shape and its truth), never the analyzer's accuracy on it. */
class CorpusGeneratorTest {

    static List<Corpus> corpora;

    @BeforeAll
    static void generate() {
        corpora = CorpusGenerator.generate(CorpusGenerator.DEFAULT_SEED);
    }

    @Test
    void hasAtLeastFifteenDistinctLayoutsOfFifteenToFortyStatements() {
        List<String> layouts = CorpusGenerator.layouts();
        assertTrue(layouts.size() >= 15, "layouts: " + layouts);
        assertEquals(layouts.size(), new HashSet<>(layouts).size());
        assertEquals(layouts, corpora.stream().map(Corpus::layout).toList());
        for (Source source : Sources.all()) {
            int statements = source.statements.size();
            assertTrue(statements >= 15 && statements <= 40, source.name + ": " + statements + " statements");
        }
    }

    @Test
    void everyLineHasItsTruthAndEveryEventStartsWithAFirstLine() {
        for (Corpus corpus : corpora) {
            List<Line> lines = corpus.lines();
            assertTrue(corpus.events() >= 3_000 && corpus.events() <= 6_000, corpus.layout() + ": " + corpus.events());
            assertFalse(lines.get(0).continuation(), corpus.layout());
            long firstLines = lines.stream().filter(line -> !line.continuation()).count();
            assertEquals(corpus.events(), firstLines, corpus.layout());
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                assertNotNull(line.text(), corpus.layout() + " line " + (i + 1));
                assertNotNull(line.message(), corpus.layout() + " line " + (i + 1));
                assertFalse(line.template() == null || line.template().isEmpty(), corpus.layout() + " line " + (i + 1));
                assertFalse(line.text().contains("\n"), corpus.layout() + " line " + (i + 1));
                if (line.continuation()) {
                    assertEquals(lines.get(i - 1).template(), line.template(), corpus.layout() + " line " + (i + 1));
                }
                if (!corpus.layout().equals("json-lines") || !line.text().startsWith("{")) {
                    assertTrue(line.text().contains(line.message()), corpus.layout() + " line " + (i + 1));
                }
                if (line.hasTimestamp()) {
                    assertTrue(line.timestamp() <= CorpusGenerator.RECEIVED_AT.toEpochMilli(),
                            corpus.layout() + " line " + (i + 1) + " is after the upload");
                }
            }
        }
    }

    @Test
    void templatesHaveValueSlotsAndSomeStatementsAreRare() {
        for (Corpus corpus : corpora) {
            Map<String, Integer> events = new HashMap<>();
            corpus.lines().stream().filter(line -> !line.continuation())
                    .forEach(line -> events.merge(line.template(), 1, Integer::sum));
            assertTrue(events.size() >= 15, corpus.layout() + ": " + events.size() + " templates");
            assertTrue(events.values().stream().anyMatch(count -> count <= 3), corpus.layout() + " has no rare one");
            assertTrue(events.values().stream().anyMatch(count -> count >= 300),
                    corpus.layout() + " has no common one");
            assertTrue(events.keySet().stream().anyMatch(template -> template.contains("<*>")), corpus.layout());
        }
    }

    @Test
    void lineLengthsRangeFromShortToLongPayloads() {
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        int veryLong = 0;
        for (Corpus corpus : corpora) {
            for (Line line : corpus.lines()) {
                if (!line.continuation()) {
                    shortest = Math.min(shortest, line.text().length());
                }
                longest = Math.max(longest, line.text().length());
                veryLong += line.text().length() > 60_000 ? 1 : 0;
            }
        }
        assertTrue(shortest <= 60, "shortest " + shortest);
        assertTrue(longest >= 70_000, "longest " + longest);
        assertTrue(veryLong >= 3 && veryLong <= 40, veryLong + " lines over 60,000 characters");
    }

    @Test
    void multiLineEventsAndTimestampFreeLinesExist() {
        for (String layout : List.of("log4j", "wildfly", "python", "go", "postgres", "android", "cri")) {
            Corpus corpus = corpora.get(CorpusGenerator.layouts().indexOf(layout));
            assertTrue(corpus.lines().stream().anyMatch(Line::continuation), layout);
        }
        Corpus go = corpora.get(CorpusGenerator.layouts().indexOf("go"));
        assertTrue(go.lines().stream().anyMatch(line -> !line.continuation() && !line.hasTimestamp()
                && line.text().startsWith("panic: ")));
    }

    @Test
    void isDeterministicForASeed() {
        for (String layout : List.of("log4j", "syslog", "cri")) {
            Corpus again = CorpusGenerator.generate(layout, CorpusGenerator.DEFAULT_SEED);
            assertEquals(corpora.get(CorpusGenerator.layouts().indexOf(layout)), again, layout);
            assertNotEquals(again, CorpusGenerator.generate(layout, CorpusGenerator.DEFAULT_SEED + 1), layout);
        }
    }
}
