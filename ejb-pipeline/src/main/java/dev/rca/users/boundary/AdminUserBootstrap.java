package dev.rca.users.boundary;

import dev.rca.errors.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Registers the first admin user at start-up from {@code rca.bootstrap.admin.user} and
 * {@code rca.bootstrap.admin.password} ({@code RCA_BOOTSTRAP_ADMIN_USER}, {@code RCA_BOOTSTRAP_ADMIN_PASSWORD}),
 * unless a user of that name exists: changing the password in the environment later does not change a stored one.
 * The password is never logged. Nodes of a cluster start with the same user: the registration runs in a transaction of
 * its own, and one that lost the race to another node's (the user name is unique) looks again and finds that user.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminUserBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminUserBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "rca.bootstrap.admin.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "rca.bootstrap.admin.password")
    Optional<String> password;

    @EJB
    AdminUsers users;

    @PostConstruct
    void register() {
        Optional<String> name = user.map(String::strip).filter(value -> !value.isEmpty());
        if (name.isEmpty() || password.filter(value -> !value.isEmpty()).isEmpty()) {
            LOG.info("RCA_BOOTSTRAP_ADMIN_USER and RCA_BOOTSTRAP_ADMIN_PASSWORD are not both set: no admin user"
                    + " registered for the admin UI");
            return;
        }
        try {
            if (registerOnce(new NewAdminUser(name.get(), password.get().toCharArray()))) {
                LOG.info("Registered the admin UI user '" + name.get() + "' from RCA_BOOTSTRAP_ADMIN_USER");
            }
        } catch (BusinessException refused) {
            // Start anyway: the API works without the UI user, and the log says what to fix.
            LOG.severe("RCA_BOOTSTRAP_ADMIN_USER/PASSWORD not registered: " + refused.getMessage());
        }
    }

    private boolean registerOnce(NewAdminUser user) {
        try {
            return users.registerIfAbsent(user);
        } catch (EJBException concurrent) {
            // Another node inserted the same user between this one's look-up and its insert; any other failure
            // fails again here.
            LOG.info("The admin UI user was registered concurrently (another node?); looking again");
            return users.registerIfAbsent(user);
        }
    }
}
