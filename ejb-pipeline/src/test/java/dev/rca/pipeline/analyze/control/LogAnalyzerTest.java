package dev.rca.pipeline.analyze.control;

import dev.rca.pipeline.analyze.control.AnalysisReport.ExceptionGroup;
import dev.rca.pipeline.analyze.control.LogAnalyzer.Analysis;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogAnalyzerTest {

    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");

    static Analysis analyze(List<List<String>> files) {
        return analyze(files, AnalyzerLimits.DEFAULTS);
    }

    static Analysis analyze(List<List<String>> files, AnalyzerLimits limits) {
        LogAnalyzer analyzer = new LogAnalyzer(limits, RECEIVED);
        for (int i = 0; i < files.size(); i++) {
            LogAnalyzer.FileScan scan = analyzer.file(i, "file-" + i + ".log");
            files.get(i).forEach(scan::line);
            scan.finish();
        }
        return analyzer.finish();
    }

    /** The first file's continuation flags, one per line: 1 where a line continues its event. */
    static List<Integer> continuations(Analysis analysis) {
        return java.util.Arrays.stream(LineMap.decode(analysis.lineMaps().get(0))).map(entry -> entry & 1).boxed()
                .toList();
    }

    static String at(int second) {
        return String.format("2026-02-10 08:%02d:%02d,%03d", second / 60, second % 60, second * 7 % 1000);
    }

    @Test
    void foldsStackTracesAndTemplatesTheirFirstExceptionLine() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(at(i) + " INFO  [worker-" + i + "] com.acme.Orders - order " + (1000 + i) + " accepted");
        }
        lines.add(at(40) + " ERROR [worker-3] com.acme.Orders - order 77 failed");
        lines.add("java.lang.IllegalStateException: stock for item 12 is negative");
        lines.add("\tat com.acme.Stock.take(Stock.java:41)");
        lines.add("\tat com.acme.Orders.place(Orders.java:88)");
        lines.add("\tat java.base/java.lang.Thread.run(Thread.java:840)");
        lines.add("Caused by: java.sql.SQLException: connection 7 reset");
        lines.add("\tat org.postgresql.Driver.read(Driver.java:1)");
        lines.add("\tat com.acme.Db.query(Db.java:12)");
        lines.add("\t... 3 more");
        Analysis analysis = analyze(List.of(lines));
        AnalysisReport report = analysis.report();
        assertEquals(39, report.lines());
        assertEquals(31, report.events());
        assertEquals(report.events(), analysis.patterns().stream().mapToLong(PatternSummary::count).sum());
        Map<String, PatternSummary> byTemplate = analysis.patterns().stream()
                .collect(Collectors.toMap(PatternSummary::template, Function.identity()));
        assertEquals(30, byTemplate.get("order <*> accepted").count());
        PatternSummary failed = byTemplate.get("order <*> failed\njava.lang.IllegalStateException: stock for item <*> is negative");
        assertEquals(1, failed.count(), byTemplate.keySet()::toString);
        assertTrue(failed.exception());
        ExceptionGroup group = report.exceptions().get(0);
        assertEquals("java.lang.IllegalStateException", group.type());
        assertEquals(new AnalysisReport.RootCause("java.sql.SQLException", "connection <*> reset"), group.rootCause());
        assertEquals(List.of("com.acme.Db.query"), group.frames());
        assertEquals(new AnalysisReport.Location(0, 31), group.at());
        int[] map = LineMap.decode(analysis.lineMaps().get(0));
        assertEquals(39, map.length);
        int failedOrdinal = analysis.patterns().indexOf(failed);
        assertEquals(LineMap.entry(failedOrdinal, false), map[30]);
        for (int line = 31; line < 39; line++) {
            assertEquals(LineMap.entry(failedOrdinal, true), map[line], "line " + (line + 1));
        }
        assertEquals("ERROR", failed.level());
        assertEquals(new AnalysisReport.FirstError(31, Instant.parse("2026-02-10T08:00:40.280Z").toString()),
                report.files().get(0).firstError());
    }

    @Test
    void theRootOfACascadeOutranksItsSymptoms() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(at(i % 60) + " INFO  [http-" + i + "] com.acme.Web - GET /items/" + i + " 200 in " + i + " ms");
        }
        lines.add(at(61) + " ERROR [pool] com.acme.Db - connection pool exhausted after 30000 ms");
        for (int i = 0; i < 3000; i++) {
            lines.add(at(62 + i / 100) + " ERROR [http-" + i + "] com.acme.Web - GET /items/" + i
                    + " failed: upstream timeout");
        }
        Analysis analysis = analyze(List.of(lines));
        AnalysisReport.Suspect first = analysis.report().suspects().get(0);
        assertEquals("connection pool exhausted after <*> ms", first.template());
        assertTrue(first.reasons().containsAll(List.of("error_level", "first_error", "rare")), first::toString);
        AnalysisReport.Suspect symptom = analysis.report().suspects().get(1);
        assertEquals("GET <*> failed: upstream timeout", symptom.template());
        assertFalse(analysis.report().bursts().isEmpty(), "the symptom bursts");
    }

    @Test
    void generalisesWordsThatVaryAndSplitsTwoAlternatives() {
        List<String> lines = new ArrayList<>();
        String[] users = {"alice", "bob", "carol", "dave", "erin", "frank"};
        for (int i = 0; i < 60; i++) {
            lines.add(at(i) + " INFO session " + (i % 2 == 0 ? "opened" : "closed") + " for user " + users[i % 6]);
        }
        Analysis analysis = analyze(List.of(lines));
        List<String> templates = analysis.patterns().stream().map(PatternSummary::template).sorted().toList();
        assertEquals(List.of("session closed for user <*>", "session opened for user <*>"), templates);
    }

    @Test
    void theSameLinesGiveTheSameReportWhateverTheirOrder() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(at(i % 3000) + " WARN  [t" + (i % 7) + "] x.Y - retry " + (i % 5) + " of host-" + "abcde".charAt(i % 5)
                    + (i % 11 == 0 ? " gave up" : " waiting"));
        }
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<String> a = analyze(List.of(lines)).patterns().stream().map(p -> p.id() + p.count()).sorted().toList();
        List<String> b = analyze(List.of(shuffled)).patterns().stream().map(p -> p.id() + p.count()).sorted().toList();
        assertEquals(a, b);
    }

    @Test
    void aBurstInSeveralFilesIsReportedOnceWithEveryFile() {
        List<List<String>> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 3600; i += 10) {
                lines.add(at2(i) + " INFO heartbeat " + i);
                if (i >= 1800 && i < 1830) {
                    for (int k = 0; k < 20; k++) {
                        lines.add(at2(i) + " ERROR disk /dev/sd" + "abc".charAt(f) + " write error sector " + k);
                    }
                }
            }
            files.add(lines);
        }
        Analysis analysis = analyze(files);
        List<AnalysisReport.Burst> bursts = analysis.report().bursts();
        assertEquals(1, bursts.size(), bursts::toString);
        assertEquals(List.of(0, 1, 2), bursts.get(0).files());
        assertEquals(Instant.parse("2026-02-10T08:30:00Z").toString(), bursts.get(0).start());
        assertEquals(15, analysis.report().timeline().bucketSeconds());
        assertEquals(240, analysis.report().timeline().buckets().size());
    }

    static String at2(int second) {
        return String.format("2026-02-10T%02d:%02d:%02dZ", 8 + second / 3600, second / 60 % 60, second % 60);
    }

    @Test
    void randomWordsDoNotMakeAPatternPerLine() {
        java.util.Random random = new java.util.Random(3);
        String[] words = {"request", "completed", "timeout", "upstream", "retry", "cache", "miss", "connection",
                "refused", "user", "order", "payment", "latency", "Zürich", "naïve", "日本語", "→"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            StringBuilder line = new StringBuilder(at2(i % 3600)).append(" INFO [w] x.Y - ");
            int count = 3 + random.nextInt(25);
            for (int w = 0; w < count; w++) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            lines.add(line.append("id=").append(random.nextLong()).toString());
        }
        Analysis analysis = analyze(List.of(lines));
        assertEquals("success", analysis.report().status(), analysis.report().warnings()::toString);
        assertTrue(analysis.patterns().size() <= lines.size() / 10, "patterns: " + analysis.patterns().size());
        assertEquals(30_000, analysis.patterns().stream().mapToLong(PatternSummary::count).sum());
    }

    @Test
    void theTemplateBoundFoldsLaterTemplatesIntoOnePatternAndSaysSoOnce() {
        List<String> lines = new ArrayList<>();
        String[] statements = {"opened", "closed", "flushed", "rotated", "evicted", "renamed", "locked", "unlocked"};
        for (int i = 0; i < 400; i++) {
            lines.add(at(i % 3600) + " INFO [w] x.Y - segment " + i + " " + statements[i % statements.length]);
        }
        Analysis analysis = analyze(List.of(lines), new AnalyzerLimits(5_000, 3, 8_000_000L, 1_048_576, 20_000));
        assertEquals("partial", analysis.report().status());
        assertEquals(1, analysis.report().warnings().size(), analysis.report().warnings()::toString);
        assertTrue(analysis.report().warnings().get(0).startsWith("more than 3 distinct templates"),
                analysis.report().warnings()::toString);
        assertEquals(400, analysis.patterns().stream().mapToLong(PatternSummary::count).sum());
    }

    @Test
    void aRecordThatDetailsTheOneBeforeItJoinsItsEvent() {
        List<String> lines = List.of(
                "2024-01-05 10:00:05.100 UTC [5718] ERROR:  duplicate key value violates unique constraint \"pk\"",
                "2024-01-05 10:00:05.100 UTC [5718] DETAIL:  Key (id)=(22644) already exists.",
                "2024-01-05 10:00:05.100 UTC [5718] STATEMENT:  INSERT INTO t VALUES (22644)",
                "2024-01-05 10:00:05.200 UTC [5719] DETAIL:  another process's detail starts an event of its own",
                "2024-01-05 10:00:06.000 UTC [5718] LOG:  checkpoint starting: time");
        Analysis analysis = analyze(List.of(lines));
        assertEquals(3, analysis.report().events());
        assertEquals(List.of(0, 1, 1, 0, 0), continuations(analysis));
    }

    @Test
    void aContainersPartialRecordsAndIndentedLinesJoinTheirEvent() {
        List<String> lines = List.of(
                "2026-05-04T10:12:45.100000000Z stdout P first half of a long line ",
                "2026-05-04T10:12:45.100000001Z stdout F and its second half",
                "2026-05-04T10:12:46.128000000Z stderr F Error: connect ECONNREFUSED 10.0.0.7:27017",
                "2026-05-04T10:12:46.128000001Z stderr F     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)",
                "2026-05-04T10:12:47.000000000Z stdout F GET /health 200 3 ms - 2");
        Analysis analysis = analyze(List.of(lines));
        assertEquals(3, analysis.report().events());
        assertEquals(List.of(0, 1, 0, 1, 0), continuations(analysis));
    }

    @Test
    void aDetailRecordAfterTheSessionsUserAndDatabaseJoinsItsEventToo() {
        List<String> lines = List.of(
                "2026-12-02 20:37:10.188 UTC [30738] rca@rca_test ERROR:  poisoned upload 7 (integration test)",
                "2026-12-02 20:37:10.188 UTC [30738] rca@rca_test CONTEXT:  PL/pgSQL function f() line 1 at RAISE",
                "2026-12-02 20:37:10.188 UTC [30738] rca@rca_test STATEMENT:  UPDATE t SET a = 1",
                "2026-12-02 20:37:11.000 UTC [30738] rca@rca_test LOG:  disconnection: session time: 0:00:01.2");
        Analysis analysis = analyze(List.of(lines));
        assertEquals(2, analysis.report().events());
        assertEquals(List.of(0, 1, 1, 0), continuations(analysis));
    }

    @Test
    void aGoPanicStartsAnEventAndAKeyValueKeepsItsQuotes() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(at2(i) + " INFO query \"orders\" took " + i + "ms pod=\"shop/web-" + (i % 3) + "\"");
        }
        lines.add("panic: runtime error: invalid memory address or nil pointer dereference");
        lines.add("goroutine 1 [running]:");
        lines.add("main.main()");
        lines.add("\t/app/main.go:12 +0x1d");
        Analysis analysis = analyze(List.of(lines));
        assertEquals(21, analysis.report().events());
        List<String> templates = analysis.patterns().stream().map(PatternSummary::template).toList();
        assertTrue(templates.contains("query \"orders\" took <*> pod=\"<*>\""), templates::toString);
        assertTrue(templates.contains("panic: runtime error: invalid memory address or nil pointer dereference"),
                templates::toString);
        assertEquals("panic", analysis.report().exceptions().get(0).type());
    }

    @Test
    void aValueKeepsThePunctuationItsLinesShare() {
        List<String> lines = new ArrayList<>();
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace"};
        for (int i = 0; i < 70; i++) {
            lines.add(at2(i) + " WARN login refused for user '" + names[i % names.length] + "' (locked)");
        }
        Analysis analysis = analyze(List.of(lines));
        assertEquals(List.of("login refused for user '<*>' (locked)"),
                analysis.patterns().stream().map(PatternSummary::template).toList());
    }
}
