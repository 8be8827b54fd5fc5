package dev.rca.users.boundary;

import dev.rca.errors.RequestValidation;
import dev.rca.naming.PrintableText;
import dev.rca.users.control.SignInAttempted;
import dev.rca.users.control.SignInAttempts;
import dev.rca.users.control.SignInThrottle;
import dev.rca.users.entity.AdminUser;
import dev.rca.users.entity.RecentFailures;
import dev.rca.users.entity.SignInAttempt;
import dev.rca.users.entity.SignInOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Registers admin users and signs them in: passwords hashed with the platform's {@code Pbkdf2PasswordHash}, every
 * attempt recorded in {@code sign_in_attempts}, logged (user name and address, never the password) and throttled by
 * {@link SignInThrottle}.
 */
@Stateless
public class AdminUsers {

    private static final Logger LOG = Logger.getLogger(AdminUsers.class.getName());
    /** The attempts the UI lists beside the previous sign-in. */
    static final int HISTORY = 10;

    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    public static final int MIN_PASSWORD = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    RequestValidation validation;

    @Inject
    SignInThrottle throttle;

    @EJB
    SignInAttempts attempts;

    @Inject
    Event<SignInAttempted> attempted;

    /** Hashed once, so that an unknown user name costs as much to check as a wrong password. */
    private String unknownUserHash;

    @PostConstruct
    void initHash() {
        passwordHash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000"));
        unknownUserHash = passwordHash.generate("no such user".toCharArray());
    }

    /** Registers {@code username} with {@code password} unless a user of that name exists; true if it registered. */
    public boolean registerIfAbsent(NewAdminUser user) {
        validation.check(user, NewAdminUser.class);
        String username = user.username();
        char[] password = user.password();
        if (find(username).isPresent()) {
            return false;
        }
        em.persist(new AdminUser(username, passwordHash.generate(password), Instant.now()));
        return true;
    }

    /**
     * Signs a user in from {@code clientAddress} unless the throttle holds the user name or the address back; a
     * throttled attempt's password is not even checked (so it tells nothing), and it does not lengthen the wait.
     */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        String name = PrintableText.of(username == null ? "" : username, SignInAttempt.MAX_USERNAME);
        String address = PrintableText.of(clientAddress == null ? "unknown" : clientAddress,
                SignInAttempt.MAX_ADDRESS);
        Instant now = Instant.now();
        UUID attempt = attempts.open(name, address, now);
        Instant since = now.minus(throttle.window());
        Optional<Duration> wait = throttle.waitFor(attempts.ofUser(name, since, attempt),
                attempts.fromAddress(address, since, attempt), now);
        SignInResult result;
        if (wait.isPresent()) {
            result = new SignInResult(SignInOutcome.THROTTLED, wait.get());
        } else {
            result = new SignInResult(check(name, password, now) ? SignInOutcome.SUCCESS : SignInOutcome.FAILURE,
                    Duration.ZERO);
        }
        attempts.end(attempt, result.outcome());
        log(name, address, result);
        attempted.fire(new SignInAttempted(result.outcome()));
        return result;
    }

    /** The user's sign-in before the latest one, and the failed and throttled attempts on the name since then. */
    public SignInHistory history(String username) {
        List<SignInAttempt> successes = attempts.latest(username, EnumSet.of(SignInOutcome.SUCCESS), 2);
        Optional<SignInAttempt> previous = successes.size() < 2 ? Optional.empty() : Optional.of(successes.get(1));
        Instant since = previous.map(SignInAttempt::getAttemptedAt).orElse(Instant.EPOCH);
        RecentFailures failures = attempts.ofUser(username, since, new UUID(0, 0));
        List<SignInHistory.Attempt> recent = attempts.latest(username,
                        EnumSet.of(SignInOutcome.FAILURE, SignInOutcome.THROTTLED, SignInOutcome.PENDING), HISTORY)
                .stream().map(SignInHistory.Attempt::of).toList();
        return new SignInHistory(previous.map(SignInHistory.Attempt::of), failures.count(), recent);
    }

    private boolean check(String username, char[] password, Instant now) {
        Optional<AdminUser> user = find(username);
        boolean valid = passwordHash.verify(password, user.map(AdminUser::getPasswordHash).orElse(unknownUserHash));
        if (valid && user.isPresent()) {
            user.get().signedIn(now);
            return true;
        }
        return false;
    }

    private static void log(String username, String address, SignInResult result) {
        switch (result.outcome()) {
            case SUCCESS -> LOG.info(() -> "admin sign-in of '" + username + "' from " + address);
            case THROTTLED -> LOG.warning(() -> "admin sign-in of '" + username + "' from " + address
                    + " refused: too many failures, next attempt in " + result.retryAfter().toSeconds() + " s");
            default -> LOG.warning(() -> "admin sign-in of '" + username + "' from " + address
                    + " failed: unknown user name or wrong password");
        }
    }

    private Optional<AdminUser> find(String username) {
        return em.createNamedQuery(AdminUser.FIND_BY_USERNAME, AdminUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
