package dev.rca.migration.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.util.NetUtil;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the Liquibase changelog before the application serves anything.
 * Bean-managed transactions: Liquibase commits its own work, which a container transaction would forbid.
 *
 * <p>Nodes of a cluster that start at once migrate one after the other. Liquibase's own lock table does not cover
 * all of it: on an empty database two nodes both try to create {@code databasechangelog} before either takes that
 * lock, and the second fails ("relation already exists", seen in ClusterIT). On PostgreSQL the whole migration
 * therefore runs under a session-level advisory lock, which the database releases by itself if the node dies.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    /** Liquibase appends it to the host name in the lock's {@code lockedby}: {@code host#description (address)}. */
    static final String HOST_DESCRIPTION = "liquibase.hostDescription";
    /** The server's node name: distinct per node, also for several nodes on one host. */
    static final String NODE_NAME = "jboss.node.name";
    /** The advisory lock's key: any fixed number that nothing else in the database uses ("rca-mig"). */
    static final long MIGRATION_LOCK = 0x7263612d6d6967L;
    /** As long as Liquibase waits for its own lock. */
    static final Duration MIGRATION_LOCK_WAIT = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/RcaDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        nameTheNodeInTheLock();
        ClassLoader loader = getClass().getClassLoader();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            LOG.info(() -> "Applying schema changelog " + CHANGELOG + " to " + database.getDatabaseProductName());
            boolean postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            if (postgresql) {
                awaitMigrationLock(connection);
            }
            try {
                Scope.child(Map.of(
                        Scope.Attr.classLoader.name(), loader,
                        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader)), () -> {
                    releaseLockOfAKilledStart(database);
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .execute();
                });
            } finally {
                if (postgresql) {
                    advisory(connection, "SELECT pg_advisory_unlock(?)");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Database schema migration failed: " + e.getMessage(), e);
        }
    }

    /** Takes the migration's advisory lock on this connection, waiting for another node's migration to end. */
    private static void awaitMigrationLock(Connection connection) throws SQLException, InterruptedException {
        Instant end = Instant.now().plus(MIGRATION_LOCK_WAIT);
        boolean logged = false;
        while (!advisory(connection, "SELECT pg_try_advisory_lock(?)")) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("another node has been migrating the schema for over "
                        + MIGRATION_LOCK_WAIT.toMinutes() + " minutes (advisory lock " + MIGRATION_LOCK
                        + " in pg_locks); giving up");
            }
            if (!logged) {
                LOG.info("Another node is migrating the schema; waiting for it");
                logged = true;
            }
            Thread.sleep(500);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, MIGRATION_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Two nodes on one host share its name and address, so the lock's owner names the node too: Liquibase reads
     * {@value #HOST_DESCRIPTION} once, when it first takes a lock; unless the operator set it, it is the node name.
     */
    private static void nameTheNodeInTheLock() {
        String node = System.getProperty(NODE_NAME);
        if (System.getProperty(HOST_DESCRIPTION) == null && node != null && !node.isBlank()) {
            System.setProperty(HOST_DESCRIPTION, node);
        }
    }

    /** The {@code lockedby} Liquibase writes for this node: {@code host#description (address)}, no {@code #} without. */
    static String lockOwner(String hostName, String description, String address) {
        return hostName + (description == null ? "" : "#" + description) + " (" + address + ")";
    }

    /**
     * A start killed while migrating leaves Liquibase's lock taken, and the next start would wait five minutes for
     * it, then fail. A lock taken by this node (host and node name) before this JVM started can only be such a
     * leftover: it is released, with a log line. A lock of another node, on this host or another, may be a live
     * migration: it is waited for, and the log says so and how to release it if that node is gone.
     */
    private static void releaseLockOfAKilledStart(Database database) throws LockException, DatabaseException {
        LockService locks = LockServiceFactory.getInstance().getLockService(database);
        String thisHost = lockOwner(NetUtil.getLocalHostName(), System.getProperty(HOST_DESCRIPTION),
                NetUtil.getLocalHostAddress());
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        for (DatabaseChangeLogLock lock : locks.listLocks()) {
            Instant granted = lock.getLockGranted() == null ? null : lock.getLockGranted().toInstant();
            if (isLeftover(lock.getLockedBy(), granted, thisHost, jvmStart)) {
                LOG.warning(() -> "Releasing the Liquibase lock taken by " + lock.getLockedBy() + " at " + granted
                        + ", before this server started: a start of this node was killed while migrating");
                locks.forceReleaseLock();
            } else {
                LOG.warning(() -> "The Liquibase lock is held by " + lock.getLockedBy() + " since " + granted
                        + "; waiting for that migration (Liquibase waits up to 5 minutes). If that server is gone,"
                        + " release it: UPDATE databasechangeloglock SET locked = FALSE");
            }
        }
    }

    static boolean isLeftover(String lockedBy, Instant granted, String thisHost, Instant jvmStart) {
        return thisHost.equals(lockedBy) && granted != null && granted.isBefore(jvmStart);
    }
}
