package dev.rca.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theLockOwnerNamesTheNodeSoThatTwoNodesOfOneHostDiffer() {
        String nodeA = SchemaMigration.lockOwner("host1", "node-a", "10.0.0.5");
        String nodeB = SchemaMigration.lockOwner("host1", "node-b", "10.0.0.5");
        assertEquals("host1#node-a (10.0.0.5)", nodeA);
        assertEquals("host1 (10.0.0.5)", SchemaMigration.lockOwner("host1", null, "10.0.0.5"), "Liquibase's own form");
        assertFalse(SchemaMigration.isLeftover(nodeB, STARTED.minusSeconds(30), nodeA, STARTED),
                "node A does not release the live lock of node B on the same host");
        assertTrue(SchemaMigration.isLeftover(nodeA, STARTED.minusSeconds(30), nodeA, STARTED));
    }
}
