package dev.rca.pipeline.analyze.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateClusteringTest {

    /** The patterns found for these masked templates, as text. */
    static Set<String> patterns(List<String> templates) {
        TemplateClustering.Result result = TemplateClustering.cluster(templates);
        Set<String> found = new TreeSet<>();
        for (int pattern : result.patternOf()) {
            found.add(String.join(" ", result.patterns().get(pattern)));
        }
        assertEquals(found.size(), result.patterns().size(), "every pattern has a template and no two read alike");
        return found;
    }

    @Test
    void aValueOfSeveralWordsJoinsThePatternThatHasAValueThere() {
        assertEquals(Set.of("checkpoint starting: <*>"), patterns(List.of("checkpoint starting: wal",
                "checkpoint starting: time", "checkpoint starting: xlog", "checkpoint starting: shutdown immediate",
                "checkpoint starting: immediate force wait")));
        assertEquals(Set.of("Fetched <*> products for category <*> in <*> ms"), patterns(List.of(
                "Fetched <*> products for category <*> in <*> ms",
                "Fetched <*> products for category outdoor & camping in <*> ms")));
    }

    @Test
    void wordsAroundAValueAreAStatementOfTheirOwn() {
        assertEquals(Set.of("Failed password for <*> from <*> port <*> ssh2",
                "Failed password for invalid user <*> from <*> port <*> ssh2"), patterns(List.of(
                "Failed password for <*> from <*> port <*> ssh2",
                "Failed password for invalid user <*> from <*> port <*> ssh2")));
    }

    @Test
    void aStructuredValueJoinsThoughItHasWordsAndValues() {
        assertEquals(Set.of("Task <*> succeeded in <*>: <*>"), patterns(List.of("Task <*> succeeded in <*>: <*>",
                "Task <*> succeeded in <*>: {'sent': <*>}")));
    }

    @Test
    void threeWordAlternativesInOnePlaceAreAValueAndTwoAreTwoStatements() {
        assertEquals(Set.of("Sent <*> email to <*>"), patterns(List.of("Sent welcome email to <*>",
                "Sent invoice email to <*>", "Sent password reset email to <*>")));
        assertEquals(Set.of("cupsd shutdown succeeded", "cupsd startup succeeded"),
                patterns(List.of("cupsd startup succeeded", "cupsd shutdown succeeded")));
        assertEquals(Set.of("Session: <*> initialized by client <*>."), patterns(List.of(
                "Session: <*> initialized by client Windows Update.", "Session: <*> initialized by client CbsTask.",
                "Session: <*> initialized by client DISM Package Manager Provider.")));
    }

    @Test
    void twoAlternativesAfterAKeyAreValues() {
        assertEquals(Set.of("SQM: Initializing online with Windows opt-in: <*>"), patterns(List.of(
                "SQM: Initializing online with Windows opt-in: True",
                "SQM: Initializing online with Windows opt-in: False")));
        assertEquals(Set.of("Block <*> stored as bytes in memory", "Block <*> stored as values in memory"),
                patterns(List.of("Block <*> stored as bytes in memory", "Block <*> stored as values in memory")));
    }

    @Test
    void anExceptionLineNeverStandsInForAValue() {
        assertEquals(Set.of("Failed to resize image <*>", "Failed to resize image <*> \n java.io.IOException: bad"),
                patterns(List.of("Failed to resize image <*>",
                        "Failed to resize image <*> \n java.io.IOException: bad")));
    }

    @Test
    void aQuotedValueOfSeveralWordsIsOneValue() {
        assertEquals(Set.of("Search query '<*>' returned <*> hits"), patterns(List.of(
                "Search query 'desk' returned <*> hits", "Search query 'lamp' returned <*> hits",
                "Search query 'kids bike <*> inch' returned <*> hits", "Search query '<*> <*>' returned <*> hits")));
        assertEquals(List.of("a", "name=\"Café Crème Tasse\",", "b"),
                List.of(TemplateClustering.tokens("a name=\"Café Crème Tasse\", b")));
        assertEquals(List.of("it's", "not", "quoted'"), List.of(TemplateClustering.tokens("it's not quoted'")));
    }

    @Test
    void aValueKeepsTheKeyAndTheQuoteItsValuesShare() {
        assertEquals(Set.of("Observed pod=\"<*>\" ready"), patterns(List.of("Observed pod=\"<*>\" ready",
                "Observed pod=\"default/web\" ready", "Observed pod=\"kube-system/dns\" ready")));
    }

    @Test
    void anEmptyValueJoinsThePatternThatHasTheValue() {
        assertEquals(Set.of("Column <*> = <*>"), patterns(List.of("Column <*> = <*>", "Column <*> =")));
    }

    @Test
    void afterAKeyAValueMayHaveWordsAndValuesOfItsOwn() {
        assertEquals(Set.of("http: TLS handshake error from <*>: <*>"), patterns(List.of(
                "http: TLS handshake error from <*>: EOF",
                "http: TLS handshake error from <*>: remote error: tls: bad certificate",
                "http: TLS handshake error from <*>: read tcp <*>: read: connection reset by peer")));
        // elsewhere different texts with values in them are different statements
        assertEquals(Set.of("[worker] job <*> completed in <*>", "[worker] job <*> failed",
                "[worker] job <*> was retried <*> times"), patterns(List.of("[worker] job <*> completed in <*>",
                "[worker] job <*> failed", "[worker] job <*> was retried <*> times")));
    }

    @Test
    void thePatternsDoNotDependOnTheOrderOfTheTemplates() {
        List<String> templates = new ArrayList<>(List.of("checkpoint starting: wal", "checkpoint starting: time",
                "checkpoint starting: xlog", "checkpoint starting: shutdown immediate", "Sent welcome email to <*>",
                "Sent invoice email to <*>", "Sent password reset email to <*>", "Sent <*> email to <*>",
                "cupsd startup succeeded", "cupsd shutdown succeeded", "Task <*> succeeded in <*>: <*>",
                "Task <*> succeeded in <*>: {'sent': <*>}", "Task <*> failed", "Column <*> = <*>", "Column <*> =",
                "Search query 'desk' returned <*> hits", "Search query 'kids bike <*> inch' returned <*> hits"));
        Set<String> expected = patterns(templates);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(templates, random);
            assertEquals(expected, patterns(templates));
        }
    }
}
