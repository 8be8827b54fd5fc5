package dev.rca.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One sign-in to the admin UI: who it claimed to be, from where, and how it ended. */
@Entity
@Table(name = "sign_in_attempts")
@NamedQuery(name = SignInAttempt.FAILURES_OF_USER, query = "SELECT NEW dev.rca.users.entity.RecentFailures(COUNT(a),"
        + " MAX(a.attemptedAt)) FROM SignInAttempt a WHERE a.username = :username AND a.outcome IN :failures"
        + " AND a.attemptedAt > :since AND a.id <> :own")
@NamedQuery(name = SignInAttempt.FAILURES_FROM_ADDRESS, query = "SELECT NEW dev.rca.users.entity.RecentFailures("
        + "COUNT(a), MAX(a.attemptedAt)) FROM SignInAttempt a WHERE a.clientAddress = :address"
        + " AND a.outcome IN :failures AND a.attemptedAt > :since AND a.id <> :own")
@NamedQuery(name = SignInAttempt.OF_USER, query = "SELECT a FROM SignInAttempt a WHERE a.username = :username"
        + " AND a.outcome IN :outcomes ORDER BY a.attemptedAt DESC")
@NamedQuery(name = SignInAttempt.LAST_SUCCESS, query = "SELECT MAX(a.attemptedAt) FROM SignInAttempt a"
        + " WHERE a.username = :username AND a.outcome = dev.rca.users.entity.SignInOutcome.SUCCESS")
@NamedQuery(name = SignInAttempt.DELETE_BEFORE, query = "DELETE FROM SignInAttempt a WHERE a.attemptedAt < :before")
public class SignInAttempt {

    public static final String FAILURES_OF_USER = "SignInAttempt.failuresOfUser";
    public static final String FAILURES_FROM_ADDRESS = "SignInAttempt.failuresFromAddress";
    public static final String OF_USER = "SignInAttempt.ofUser";
    public static final String LAST_SUCCESS = "SignInAttempt.lastSuccess";
    public static final String DELETE_BEFORE = "SignInAttempt.deleteBefore";
    public static final int MAX_USERNAME = 100;
    public static final int MAX_ADDRESS = 64;

    @Id
    private UUID id;

    @Column(nullable = false, length = MAX_USERNAME)
    private String username;

    @Column(name = "client_address", nullable = false, length = MAX_ADDRESS)
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SignInOutcome outcome;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected SignInAttempt() {
    }

    public SignInAttempt(String username, String clientAddress, Instant attemptedAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.clientAddress = clientAddress;
        this.outcome = SignInOutcome.PENDING;
        this.attemptedAt = attemptedAt;
    }

    public void end(SignInOutcome outcome) {
        this.outcome = outcome;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public SignInOutcome getOutcome() {
        return outcome;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}
