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
import liquibase.resource.ClassLoaderResourceAccessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the Liquibase changelog before the application serves anything.
 * Bean-managed transactions: Liquibase commits its own work, which a container transaction would forbid.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/RcaDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        ClassLoader loader = getClass().getClassLoader();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            LOG.info(() -> "Applying schema changelog " + CHANGELOG + " to " + database.getDatabaseProductName());
            Scope.child(Map.of(
                    Scope.Attr.classLoader.name(), loader,
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader)), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .execute());
        } catch (Exception e) {
            throw new IllegalStateException("Database schema migration failed: " + e.getMessage(), e);
        }
    }
}
