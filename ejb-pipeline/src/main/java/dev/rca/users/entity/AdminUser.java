package dev.rca.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "admin_users")
@NamedQuery(name = AdminUser.FIND_BY_USERNAME, query = "SELECT u FROM AdminUser u WHERE u.username = :username")
public class AdminUser {

    public static final String FIND_BY_USERNAME = "AdminUser.findByUsername";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_signed_in_at")
    private Instant lastSignedInAt;

    protected AdminUser() {
    }

    public AdminUser(String username, String passwordHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public void signedIn(Instant at) {
        this.lastSignedInAt = at;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
