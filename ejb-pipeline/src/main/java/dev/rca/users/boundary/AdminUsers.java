package dev.rca.users.boundary;

import dev.rca.errors.RequestValidation;
import dev.rca.users.entity.AdminUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Registers admin users and checks their passwords, hashed with the platform's {@code Pbkdf2PasswordHash}. */
@Stateless
public class AdminUsers {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    public static final int MIN_PASSWORD = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    RequestValidation validation;

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

    /** True when the user exists and the password is theirs; records the sign-in. */
    public boolean signIn(String username, char[] password) {
        Optional<AdminUser> user = username == null ? Optional.empty() : find(username);
        boolean valid = passwordHash.verify(password, user.map(AdminUser::getPasswordHash).orElse(unknownUserHash));
        if (valid && user.isPresent()) {
            user.get().signedIn(Instant.now());
            return true;
        }
        return false;
    }

    private Optional<AdminUser> find(String username) {
        return em.createNamedQuery(AdminUser.FIND_BY_USERNAME, AdminUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
