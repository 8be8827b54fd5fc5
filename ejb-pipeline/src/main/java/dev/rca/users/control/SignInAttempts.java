package dev.rca.users.control;

import dev.rca.users.entity.RecentFailures;
import dev.rca.users.entity.SignInAttempt;
import dev.rca.users.entity.SignInOutcome;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sign-in attempts table: what the throttle counts and the UI's sign-in history, kept for
 * {@code rca.sign-in.history-days} (deleted by the retention sweep).
 */
@Stateless
public class SignInAttempts {

    static final Set<SignInOutcome> FAILURES = Set.of(SignInOutcome.PENDING, SignInOutcome.FAILURE);

    @PersistenceContext
    EntityManager em;

    /**
     * Records an attempt as pending, committed before its password is checked: two attempts at once each count the
     * other (whichever counts second sees the first), so a burst of parallel guesses gets no more than a sequence.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID open(String username, String clientAddress, Instant at) {
        SignInAttempt attempt = new SignInAttempt(username, clientAddress, at);
        em.persist(attempt);
        return attempt.getId();
    }

    /** Failures of the user name after {@code since} and after its latest success, not counting {@code own}. */
    public RecentFailures ofUser(String username, Instant since, UUID own) {
        Instant lastSuccess = lastSuccess(username);
        Instant from = lastSuccess != null && lastSuccess.isAfter(since) ? lastSuccess : since;
        return em.createNamedQuery(SignInAttempt.FAILURES_OF_USER, RecentFailures.class)
                .setParameter("username", username)
                .setParameter("failures", FAILURES)
                .setParameter("since", from)
                .setParameter("own", own)
                .getSingleResult();
    }

    /** Failures from the address after {@code since}, whatever user name they tried, not counting {@code own}. */
    public RecentFailures fromAddress(String clientAddress, Instant since, UUID own) {
        return em.createNamedQuery(SignInAttempt.FAILURES_FROM_ADDRESS, RecentFailures.class)
                .setParameter("address", clientAddress)
                .setParameter("failures", FAILURES)
                .setParameter("since", since)
                .setParameter("own", own)
                .getSingleResult();
    }

    public void end(UUID attempt, SignInOutcome outcome) {
        em.find(SignInAttempt.class, attempt).end(outcome);
    }

    /** The user name's latest attempts with one of {@code outcomes}, newest first. */
    public List<SignInAttempt> latest(String username, Set<SignInOutcome> outcomes, int max) {
        return em.createNamedQuery(SignInAttempt.OF_USER, SignInAttempt.class)
                .setParameter("username", username)
                .setParameter("outcomes", outcomes)
                .setMaxResults(max)
                .getResultList();
    }

    /** Deletes the attempts before {@code before} (the retention sweep's); how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBefore(Instant before) {
        return em.createNamedQuery(SignInAttempt.DELETE_BEFORE).setParameter("before", before).executeUpdate();
    }

    private Instant lastSuccess(String username) {
        return em.createNamedQuery(SignInAttempt.LAST_SUCCESS, Instant.class)
                .setParameter("username", username)
                .getSingleResult();
    }
}
