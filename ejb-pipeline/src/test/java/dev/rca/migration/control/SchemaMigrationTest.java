package dev.rca.migration.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private static final String HOST = "node-a (10.0.0.5)";
    private static final Instant STARTED = Instant.parse("2026-11-28T06:00:00Z");

    @Test
    void lockOfThisHostFromBeforeThisStartIsALeftover() {
        assertTrue(SchemaMigration.isLeftover(HOST, STARTED.minusSeconds(30), HOST, STARTED));
    }

    @Test
    void lockTakenSinceThisStartIsNot() {
        assertFalse(SchemaMigration.isLeftover(HOST, STARTED.plusSeconds(1), HOST, STARTED));
    }

    @Test
    void lockOfAnotherHostIsWaitedFor() {
        assertFalse(SchemaMigration.isLeftover("node-b (10.0.0.6)", STARTED.minusSeconds(3600), HOST, STARTED));
    }

    @Test
    void lockWithoutTimeIsWaitedFor() {
        assertFalse(SchemaMigration.isLeftover(HOST, null, HOST, STARTED));
    }
}
