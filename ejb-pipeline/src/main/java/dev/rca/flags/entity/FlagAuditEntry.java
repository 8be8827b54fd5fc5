package dev.rca.flags.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One flag change: who (token), where (scope, tenant), what (flag, old and new value) and why. Never changed. */
@Entity
@Table(name = "feature_flag_audit")
public class FlagAuditEntry {

    public static final String SCOPE_TENANT = "tenant";
    public static final String SCOPE_ALL_TENANTS = "all-tenants";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feature_flag_audit_seq")
    @SequenceGenerator(name = "feature_flag_audit_seq", sequenceName = "feature_flag_audit_seq", allocationSize = 50)
    private Long id;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "token_id", updatable = false)
    private UUID tokenId;

    @Column(name = "token_name", updatable = false)
    private String tokenName;

    @Column(nullable = false, updatable = false, length = 16)
    private String scope;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private String flag;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    @Column(updatable = false, length = 500)
    private String reason;

    protected FlagAuditEntry() {
    }

    public FlagAuditEntry(Instant changedAt, UUID tokenId, String tokenName, String scope, UUID tenantId, String flag,
                          String oldValue, String newValue, String reason) {
        this.changedAt = changedAt;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.scope = scope;
        this.tenantId = tenantId;
        this.flag = flag;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public UUID getTokenId() {
        return tokenId;
    }

    public String getTokenName() {
        return tokenName;
    }

    public String getScope() {
        return scope;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getFlag() {
        return flag;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }
}
