package dev.rca.tokens.boundary;

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
 * Registers the operator's first admin token at start-up: the value of {@code RCA_BOOTSTRAP_ADMIN_TOKEN}
 * (MicroProfile Config key {@code rca.bootstrap.admin.token}), unless a token with that value exists already —
 * also on a database that has other tokens. The value itself is never logged. Nodes of a cluster start with the same
 * value: the registration runs in a transaction of its own, and one that lost the race to another node's (the token
 * hash is unique) looks again and finds that node's row.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenBootstrap {

    static final String NAME = "bootstrap";
    static final int MIN_LENGTH = 24;
    private static final Logger LOG = Logger.getLogger(TokenBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "rca.bootstrap.admin.token")
    Optional<String> bootstrapToken;

    @EJB
    ApiTokens tokens;

    @PostConstruct
    void register() {
        Optional<String> secret = bootstrapToken.map(String::strip).filter(value -> !value.isEmpty());
        if (secret.isEmpty()) {
            LOG.info("RCA_BOOTSTRAP_ADMIN_TOKEN is not set: no bootstrap admin token registered");
        } else if (secret.get().length() < MIN_LENGTH) {
            LOG.severe("RCA_BOOTSTRAP_ADMIN_TOKEN is shorter than " + MIN_LENGTH
                    + " characters and was not registered; use e.g. rca_adm_$(openssl rand -hex 24)");
        } else if (registerOnce(secret.get())) {
            LOG.info("Registered the bootstrap admin token from RCA_BOOTSTRAP_ADMIN_TOKEN");
        }
    }

    private boolean registerOnce(String secret) {
        try {
            return tokens.registerAdminToken(NAME, secret);
        } catch (EJBException concurrent) {
            // Another node inserted the same token between this one's look-up and its insert; any other failure
            // fails again here.
            LOG.info("The bootstrap admin token was registered concurrently (another node?); looking again");
            return tokens.registerAdminToken(NAME, secret);
        }
    }
}
