package dev.rca.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnavailabilityTest {

    @Test
    void commitThatLostItsConnectionShowsItInASuppressedException() {
        // As the transaction manager reports it: the cause sits under an exception suppressed by the rollback.
        RollbackException rollback = new RollbackException("Could not commit transaction.");
        Exception localCommit = new Exception("Could not commit local transaction",
                new ResourceException("SQLException", new SQLException("terminating connection", "57P01")));
        rollback.addSuppressed(localCommit);

        assertTrue(Unavailability.isDatabaseDown(new EJBTransactionRolledbackException("rolled back", rollback)));
    }

    @Test
    void connectionErrorsAnywhereInTheCausesCount() {
        assertTrue(Unavailability.isDatabaseDown(new IllegalStateException(
                new SQLException("This connection has been closed.", "08003"))));
        assertTrue(Unavailability.isDatabaseDown(new RuntimeException(
                new ResourceException("IJ000453: Unable to get managed connection"))));
    }

    @Test
    void otherDatabaseErrorsAreNotUnavailability() {
        assertFalse(Unavailability.isDatabaseDown(new IllegalStateException(
                new SQLException("duplicate key value", "23505"))));
        assertFalse(Unavailability.isDatabaseDown(new SQLException("raised by a trigger", "P0001")));
        assertFalse(Unavailability.isDatabaseDown(new IllegalStateException("no database involved")));
    }
}
