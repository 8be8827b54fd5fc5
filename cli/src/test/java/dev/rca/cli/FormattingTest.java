package dev.rca.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormattingTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", Text.bytes(0));
        assertEquals("1023 B", Text.bytes(1023));
        assertEquals("1.0 KiB", Text.bytes(1024));
        assertEquals("10.0 MiB", Text.bytes(10L << 20));
        assertEquals("2.5 GiB", Text.bytes(5L << 29));
    }

    @Test
    void clockWithHoursOnlyWhenNeeded() {
        assertEquals("0:07", Text.clock(7));
        assertEquals("2:05", Text.clock(125));
        assertEquals("1:02:03", Text.clock(3723));
    }

    @Test
    void templateOnOneLineCutWithAnEllipsis() {
        assertEquals("Request failed ⏎ java.io.IOException: <*>",
                Text.oneLine("Request failed\njava.io.IOException: <*>", 100));
        assertEquals("abcd…", Text.oneLine("abcdefgh", 5));
    }

    @Test
    void aStageWithItsDurationOrPending() {
        assertEquals("  chunk     success    412 ms",
                ReportPrinter.stage(json("{'stage':'chunk','status':'success','durationMs':412}")));
        assertEquals("  analyze   pending", ReportPrinter.stage(json("{'stage':'analyze','status':'pending',"
                + "'durationMs':null}")));
        assertEquals("  ingest    failed     1.5 s", ReportPrinter.stage(json("{'stage':'ingest','status':'failed',"
                + "'durationMs':1500}")));
    }

    @Test
    void anUploadsLineWithWhatWasSkippedAndWhy() {
        JsonObject upload = json("""
                {'id':'u1','fileName':'mixed.tar.gz','bytes':1572864,'status':'partial','files':[{'index':0}],
                 'skipped':[{'name':'core.bin','reason':'binary','detail':'not text: a NUL byte at byte offset 194',
                   'bytes':5000}],
                 'warnings':[{'file':null,'code':'c','message':'a name was cut'}],
                 'stages':[{'stage':'ingest','status':'partial','durationMs':101}]}
                """);
        assertEquals(String.join(System.lineSeparator(), "upload u1  mixed.tar.gz  1.5 MiB  1 file  PARTIAL",
                "  skipped: core.bin (binary: not text: a NUL byte at byte offset 194)", "  warning: a name was cut",
                "  ingest    partial    101 ms", ""), new ReportPrinter(10, 5).upload(upload, true));
        assertEquals(String.join(System.lineSeparator(), "upload u1  mixed.tar.gz  1.5 MiB  1 file  PARTIAL",
                "  skipped: core.bin (binary: not text: a NUL byte at byte offset 194)", "  warning: a name was cut",
                ""), new ReportPrinter(10, 5).upload(upload, false), "stages followed live are not repeated");
    }

    @Test
    void uiLinkEncodesTenantAndId() {
        assertEquals(URI.create("http://127.0.0.1:8080/admin/uploads/upload.xhtml?tenant=a+b&id=42"),
                ReportPrinter.uiLink(URI.create("http://127.0.0.1:8080/"), "a b", "42"));
    }

    @Test
    void reportSummaryNamesSuspectsWithReasonsLocationsAndTheCommandForTheirLines() {
        JsonObject analysis = json("""
                {'status':'success','analyzer':'1','lines':120345,'events':98000,'patternCount':412,
                 'timeSpan':{'from':'2026-12-01T02:00:00Z','to':'2026-12-01T03:10:00Z'},'warnings':['cap hit'],
                 'files':[{'index':0,'name':'app.log'},{'index':1,'name':'db.log'}],
                 'suspects':[{'rank':1,'pattern':'17','score':9.125,'reasons':['error level','rare'],
                   'template':'Connection to <*> refused\\njava.net.ConnectException: <*>',
                   'firstSeen':'2026-12-01T02:14:03Z','at':{'file':1,'line':1234}},
                  {'rank':2,'pattern':'3','score':2.0,'reasons':['burst start'],'template':'retry <*>',
                   'firstSeen':null,'at':{'file':0,'line':5}}],
                 'exceptions':[{'fingerprint':'f','type':'java.sql.SQLException',
                   'rootCause':{'type':'java.net.ConnectException','message':'Connection refused'},
                   'frames':['com.acme.Db.open(Db.java)'],'count':12,'firstSeen':'2026-12-01T02:14:03Z',
                   'lastSeen':'2026-12-01T02:20:00Z','at':{'file':1,'line':1234}}],
                 'bursts':[{'pattern':'3','start':'2026-12-01T02:14:05Z','end':'2026-12-01T02:15:00Z',
                   'factor':35.0,'files':[0,1]}]}
                """);
        String text = new ReportPrinter(1, 5).analysis(analysis, "acme", "u1");
        assertTrue(text.startsWith("analysis SUCCESS: 120,345 lines, 98,000 events, 412 patterns,"
                + " 2026-12-01T02:00:00Z to 2026-12-01T03:10:00Z"), text);
        assertTrue(text.contains("  warning: cap hit"), text);
        assertTrue(text.contains("top suspects (1 of 2):"), text);
        assertTrue(text.contains("  1. Connection to <*> refused ⏎ java.net.ConnectException: <*>"), text);
        assertTrue(text.contains("     score 9.13  error level, rare"), text);
        assertTrue(text.contains("     at db.log:1234  first seen 2026-12-01T02:14:03Z"), text);
        assertTrue(text.contains("     rca lines u1 --tenant acme --pattern 17"), text);
        assertTrue(!text.contains("retry <*>"), "only the top 1 suspect: " + text);
        assertTrue(text.contains("       12 x java.sql.SQLException"), text);
        assertTrue(text.contains("root cause java.net.ConnectException: Connection refused"), text);
        assertTrue(text.contains("at com.acme.Db.open(Db.java)"), text);
        assertTrue(text.contains("  pattern 3  x35.0  2026-12-01T02:14:05Z to 2026-12-01T02:15:00Z"
                + "  in app.log, db.log"), text);
    }

    @Test
    void comparisonCountsAndLists() {
        JsonObject analysis = json("""
                {'status':'partial','lines':1,'events':1,'patternCount':1,'timeSpan':null,'files':[],
                 'suspects':[],'exceptions':[],'bursts':[],
                 'comparison':{'baseline':'b1','new':[{'pattern':'4','template':'disk full','count':3,
                   'level':'ERROR','ratio':null}],'gone':[],'changed':[{'pattern':'5','template':'gc pause <*>',
                   'count':900,'level':'WARN','ratio':4.5}]}}
                """);
        String text = new ReportPrinter(10, 5).analysis(analysis, "acme", "u1");
        assertTrue(text.startsWith("analysis PARTIAL: 1 lines, 1 events, 1 patterns" + System.lineSeparator()),
                text);
        assertTrue(text.contains("against baseline b1: 1 new, 0 gone, 1 changed"), text);
        assertTrue(text.contains("  new           3  disk full"), text);
        assertTrue(text.contains("  changed     900  gc pause <*>  (share x4.50)"), text);
    }

    @Test
    void anUploadThatPredatesTheStageSaysSo() {
        assertTrue(new ReportPrinter(10, 5).analysis(json("{'status':'none'}"), "acme", "u1")
                .startsWith("analysis: none"));
    }

    @Test
    void exitCodeFollowsTheUploadsStatus() {
        assertEquals(Rca.OK, ReportCommand.exitCode("success"));
        assertEquals(Rca.OK, ReportCommand.exitCode("processing"));
        assertEquals(Rca.PARTIAL, ReportCommand.exitCode("partial"));
        assertEquals(Rca.FAILED, ReportCommand.exitCode("failed"));
    }

    @Test
    void aFileLineWithItsHeaderAndAContinuationAsItIs() {
        assertEquals("7: 2026-12-01T02:14:03Z ERROR boom", LinesCommand.line(json(
                "{'line':7,'timestamp':'2026-12-01T02:14:03Z','level':'ERROR','message':'boom','truncated':false}"),
                false));
        assertEquals("8: \tat a.B.c(B.java:1)", LinesCommand.line(json(
                "{'line':8,'timestamp':null,'level':null,'message':'\\tat a.B.c(B.java:1)','truncated':false}"),
                false));
        assertEquals("1:99: long …(cut)", LinesCommand.line(json(
                "{'file':1,'line':99,'text':'long','truncated':true}"), true));
    }

    @Test
    void flagValuesAsJson() {
        assertEquals("true", FlagsCommand.value("true").toString());
        assertEquals("null", FlagsCommand.value("null").toString());
        assertEquals("50", FlagsCommand.value("50").toString());
        assertEquals("\"on\"", FlagsCommand.value("on").toString());
        assertEquals("""
                a = true  (tenant)
                b = 3
                """.replace("\n", System.lineSeparator()),
                FlagsCommand.describe(json("{'flags':{'b':3,'a':true},'sources':{'a':'tenant'}}")));
    }
}
