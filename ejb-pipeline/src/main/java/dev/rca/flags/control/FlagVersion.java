package dev.rca.flags.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The database's flag version: bumped in the transaction of every flag change, compared by every
 * node's {@link FlagCache} once a second. Works with any number of nodes and no shared broker.
 */
@Stateless
public class FlagVersion {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void bump() {
        em.createNativeQuery("UPDATE feature_flag_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }

    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM feature_flag_version WHERE id = 1")
                .getSingleResult()).longValue();
    }
}
