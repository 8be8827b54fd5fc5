package dev.rca.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Readiness: a connection from the application's pool that the database confirms valid within two seconds. While
 * the pool cannot get one, this answers after the pool's blocking timeout (5 s) with the reason.
 *
 * <p>Packaged in the EAR's {@code lib/} (the {@code health} jar of this module), not in the EJB jar: WildFly only
 * registers health checks it finds at the EAR's top level (WFLY-12835), so this class may use JNDI resources but no
 * class of the EJB jar.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;
    private static final String DATASOURCE = "java:jboss/datasources/RcaDS";

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                return HealthCheckResponse.named("database").up().build();
            }
            return HealthCheckResponse.named("database").down().withData("error", "a pooled connection of "
                    + DATASOURCE + " was not confirmed valid within " + VALID_WITHIN_SECONDS + " s").build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
