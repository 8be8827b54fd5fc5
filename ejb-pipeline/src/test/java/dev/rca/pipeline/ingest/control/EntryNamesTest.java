package dev.rca.pipeline.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../evil.log", "logs/../../etc/passwd", "/etc/passwd", "\\windows\\x.log",
            "C:\\Windows\\x.log", "c:x.log", "logs\\..\\..\\x.log", ".."})
    void namesThatLeaveTheRootAreRecognised(String name) {
        assertTrue(EntryNames.escapesRoot(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.log", "logs/app.log", "logs/..hidden/app.log", "a..b.log", "./app.log"})
    void ordinaryNamesAreNot(String name) {
        assertFalse(EntryNames.escapesRoot(name));
    }

    @Test
    void controlCharactersAreReplacedAndLongNamesCut() {
        assertEquals("a\uFFFDb\uFFFD.log", EntryNames.printable("a\u0000b\n.log"));
        assertTrue(EntryNames.hasControlCharacters("a\u001Bb"));
        assertEquals(EntryNames.MAX_LENGTH, EntryNames.printable("x".repeat(1000)).length());
        // a surrogate pair is never cut in half
        String cut = EntryNames.printable("x".repeat(EntryNames.MAX_LENGTH - 1) + "😀");
        assertEquals(EntryNames.MAX_LENGTH - 1, cut.length());
    }
}
