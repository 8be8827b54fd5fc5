package dev.rca.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Readiness: a connection from the application's pool answers {@code SELECT 1} within two seconds. While the pool
 * cannot get one, this answers after the pool's blocking timeout (5 s) with the reason.
 *
 * <p>Packaged in the EAR's {@code lib/} (the {@code health} jar of this module), not in the EJB jar: WildFly only
 * registers health checks it finds at the EAR's top level (WFLY-12835), so this class may use JNDI resources but no
 * class of the EJB jar.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/RcaDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        // A query rather than isValid(): a dead connection then fails with an error the pool's exception sorter
        // sees, so the pool discards it instead of handing it to the next request.
        try (Connection connection = dataSource.getConnection();
             Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(VALID_WITHIN_SECONDS);
            probe.execute("SELECT 1");
            return HealthCheckResponse.named("database").up().build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
