package dev.rca.web.api;

import dev.rca.errors.BusinessException;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database that cannot be reached from a failure of the request itself, and answers it with 503 and
 * {@code Retry-After}: the client should come back, nothing it sent was wrong and nothing of it was kept.
 */
public final class Unavailability {


    private Unavailability() {
    }

    /**
     * True when {@code failure}, one of its causes or an exception suppressed along the way says no connection could
     * be had: the pool timed out or was refused one ({@link ResourceException}), or the driver reports a connection
     * error (SQLSTATE class 08) or a server shutting down or ending the session (57P01…57P03). A commit that fails
     * this way shows it only in a suppressed exception of the transaction manager's RollbackException.
     */
    public static boolean isDatabaseDown(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof ResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            pending.addAll(Arrays.asList(cause.getSuppressed()));
        }
        return false;
    }

    public static Response response() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, BusinessException.RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("service_unavailable", "the database cannot be reached; nothing was "
                        + "stored. Retry in " + BusinessException.RETRY_AFTER_SECONDS + " seconds",
                        Map.of("dependency", "database", "retryAfterSeconds", BusinessException.RETRY_AFTER_SECONDS)))
                .build();
    }
}
