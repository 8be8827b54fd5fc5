package dev.rca.tenants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenants")
@NamedQuery(name = Tenant.FIND_BY_SLUG, query = "SELECT t FROM Tenant t WHERE t.slug = :slug")
@NamedQuery(name = Tenant.FIND_ALL, query = "SELECT t FROM Tenant t ORDER BY t.slug")
@NamedQuery(name = Tenant.COUNT, query = "SELECT COUNT(t) FROM Tenant t")
@NamedQuery(name = Tenant.FIND_WITH_RETENTION,
        query = "SELECT t FROM Tenant t WHERE t.uploadRetentionDays IS NOT NULL ORDER BY t.slug")
public class Tenant {

    public static final String FIND_BY_SLUG = "Tenant.findBySlug";
    public static final String FIND_ALL = "Tenant.findAll";
    public static final String COUNT = "Tenant.count";
    public static final String FIND_WITH_RETENTION = "Tenant.findWithRetention";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 63)
    private String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Days its uploads are kept before the retention sweep deletes them; null: until deleted by hand. */
    @Column(name = "upload_retention_days")
    private Integer uploadRetentionDays;

    protected Tenant() {
    }

    public Tenant(String slug, String displayName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.displayName = displayName;
        this.createdAt = createdAt;
        this.active = true;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void setUploadRetentionDays(Integer days) {
        this.uploadRetentionDays = days;
    }

    public Integer getUploadRetentionDays() {
        return uploadRetentionDays;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
