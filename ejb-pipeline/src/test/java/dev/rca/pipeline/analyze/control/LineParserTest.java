package dev.rca.pipeline.analyze.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineParserTest {

    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");

    /** The layout detected from twenty copies of the line, and the line split by it. */
    static ParsedLine parse(String line) {
        FileLayout layout = LayoutDetector.detect(Collections.nCopies(20, line), RECEIVED);
        return new LineParser(layout, RECEIVED).parse(line, new ParsedLine());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '`', value = {
            "2026-02-03 04:05:06,789 ERROR [main] com.acme.Billing - charge failed for order 42 ;; 2026-02-03T04:05:06.789Z ;; ERROR ;; charge failed for order 42",
            "2026-02-03T04:05:06.789+02:00 WARN  disk almost full ;; 2026-02-03T02:05:06.789Z ;; WARN ;; disk almost full",
            "2026-02-03T04:05:06Z INFO started ;; 2026-02-03T04:05:06Z ;; INFO ;; started",
            "16/04/07 10:46:05 INFO executor.Executor: Running task 0.0 ;; 2016-04-07T10:46:05Z ;; INFO ;; Running task 0.0",
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579 ;; 2017-12-23T22:15:29.606Z ;; - ;; onStandStepChanged 3579",
            "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy ;; 2025-10-30T16:49:06Z ;; - ;; proxy.cse.cuhk.edu.hk:5070 open through proxy",
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 ;; 2025-06-14T15:16:01Z ;; - ;; authentication failure; logname= uid=0",
            "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties ;; 2005-12-04T04:47:44Z ;; INFO ;; workerEnv.init() ok /etc/httpd/conf/workers2.properties",
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating ;; 2008-11-09T20:36:15Z ;; INFO ;; PacketResponder 1 for block blk_38865049064139660 terminating",
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken ;; 2025-03-17T16:13:38.811Z ;; DEBUG ;; printFreezingDisplayLogsopening app wtoken",
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 ;; 2016-09-28T04:30:30Z ;; INFO ;; Loaded Servicing Stack v6.1.7601.23505",
            "2024-01-05 10:00:00.123 UTC [4711] LOG:  checkpoint starting: time ;; 2024-01-05T10:00:00.123Z ;; INFO ;; checkpoint starting: time",
            "1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected ;; 2005-06-03T15:42:50.675Z ;; INFO ;; instruction cache parity error corrected",
            "E1205 10:11:12.131415    1234 reflector.go:138] failed to list pods ;; 2025-12-05T10:11:12.131Z ;; ERROR ;; failed to list pods",
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 ;; 2000-10-10T20:55:36Z ;; - ;; \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
            "2026-02-03 04:05:06.789  INFO 48213 --- [           main] c.a.BillingApplication   : Started in 3.2 seconds ;; 2026-02-03T04:05:06.789Z ;; INFO ;; Started in 3.2 seconds",
            "2026-02-03 04:05:06,789 WARN [I/O dispatcher 3] c.a.search.IndexWriter - bulk request slow ;; 2026-02-03T04:05:06.789Z ;; WARN ;; bulk request slow",
            "2026-02-03T04:05:06.123456789Z stderr F Error: connect ECONNREFUSED 10.0.0.7:27017 ;; 2026-02-03T04:05:06.123Z ;; - ;; Error: connect ECONNREFUSED 10.0.0.7:27017",
            "2026/02/03 04:05:06 http: TLS handshake error from 10.1.2.3:4810: EOF ;; 2026-02-03T04:05:06Z ;; - ;; http: TLS handshake error from 10.1.2.3:4810: EOF",
            "03-17 16:13:38.811  1702  1875 I chatty  : uid=1197(system) RenderThread identical 32 lines ;; 2025-03-17T16:13:38.811Z ;; INFO ;; uid=1197(system) RenderThread identical 32 lines",
            "2026/02/03 04:05:06 [error] 3101#0: *1234 connect() failed (111: Connection refused) ;; 2026-02-03T04:05:06Z ;; ERROR ;; connect() failed (111: Connection refused)",
            "2026/02/03 04:05:06 [notice] 3100#0: nginx/1.26.2 ;; 2026-02-03T04:05:06Z ;; INFO ;; nginx/1.26.2",
            "ts=2026-02-03T04:05:06.789Z caller=main.go:645 level=warn component=\"rule manager\" msg=\"Evaluating rule failed\" err=timeout ;; 2026-02-03T04:05:06.789Z ;; WARN ;; msg=\"Evaluating rule failed\" err=timeout",
            "time=\"2026-02-03T04:05:06Z\" level=error msg=\"pull failed\" image=nginx ;; 2026-02-03T04:05:06Z ;; ERROR ;; msg=\"pull failed\" image=nginx",
    })
    void splitsHeaderAndMessage(String line, String timestamp, String level, String message) {
        ParsedLine parsed = parse(line);
        assertEquals(Instant.parse(timestamp).toEpochMilli(), parsed.timestamp(), () -> "timestamp of " + line);
        assertEquals(level.equals("-") ? null : LogLevel.valueOf(level), parsed.level(), () -> "level of " + line);
        assertEquals(message, parsed.message(), () -> "message of " + line);
    }

    @Test
    void inAFileOfTaggedLinesAnyNameWithAColonAfterTheLevelIsTheTag() {
        List<String> sample = new ArrayList<>(Collections.nCopies(10,
                "03-17 16:13:38.811  1702  2395 D WindowManager: relayout done"));
        String settings = "03-17 16:13:39.002  1702  1875 W Settings: Setting auto_time has moved";
        sample.add(settings);
        FileLayout layout = LayoutDetector.detect(sample, RECEIVED);
        ParsedLine parsed = new LineParser(layout, RECEIVED).parse(settings, new ParsedLine());
        assertEquals(LogLevel.WARN, parsed.level());
        assertEquals("Setting auto_time has moved", parsed.message());
    }

    @Test
    void yearLessTimestampTakesTheLatestYearNotAfterArrival() {
        assertEquals(Instant.parse("2026-02-28T23:00:00Z").toEpochMilli(),
                parse("Feb 28 23:00:00 host cron[1]: job").timestamp());
        assertEquals(Instant.parse("2025-03-02T00:00:00Z").toEpochMilli(),
                parse("Mar  2 00:00:00 host cron[1]: job").timestamp());
    }

    @Test
    void jsonLinesTakeTheirFields() {
        String line = "{\"@timestamp\":\"2026-01-02T03:04:05.678Z\",\"level\":\"warning\",\"logger\":\"app\","
                + "\"message\":\"queue full\"}";
        FileLayout layout = LayoutDetector.detect(List.of(line, line), RECEIVED);
        assertTrue(layout.json());
        ParsedLine parsed = new LineParser(layout, RECEIVED).parse(line, new ParsedLine());
        assertEquals(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli(), parsed.timestamp());
        assertEquals(LogLevel.WARN, parsed.level());
        assertEquals("queue full", parsed.message());
        assertEquals("app", parsed.logger());
    }

    @Test
    void plainTextHasNoHeader() {
        ParsedLine parsed = parse("just some words, nothing else");
        assertFalse(parsed.hasTimestamp());
        assertNull(parsed.level());
        assertEquals("just some words, nothing else", parsed.message());
    }

    @Test
    void syslogPriorityGivesTheLevel() {
        assertEquals(LogLevel.ERROR, parse("<11>Feb  1 10:00:00 host app: disk failed").level());
    }
}
