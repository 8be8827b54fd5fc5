package dev.rca.flags.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A flag set for one tenant; the value is a JSON literal. */
@Entity
@Table(name = "tenant_feature_flags")
@IdClass(TenantFlagSetting.Key.class)
@NamedQuery(name = TenantFlagSetting.FIND_ALL, query = "SELECT s FROM TenantFlagSetting s")
@NamedQuery(name = TenantFlagSetting.FIND_BY_FLAG, query = "SELECT s FROM TenantFlagSetting s WHERE s.flag = :flag")
public class TenantFlagSetting {

    public static final String FIND_ALL = "TenantFlagSetting.findAll";
    public static final String FIND_BY_FLAG = "TenantFlagSetting.findByFlag";

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String flag;

    @Column(name = "flag_value", nullable = false, length = 1000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantFlagSetting() {
    }

    public TenantFlagSetting(UUID tenantId, String flag, String value, Instant updatedAt) {
        this.tenantId = tenantId;
        this.flag = flag;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    public void set(String value, Instant at) {
        this.value = value;
        this.updatedAt = at;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getFlag() {
        return flag;
    }

    public String getValue() {
        return value;
    }

    public static class Key implements Serializable {

        private UUID tenantId;
        private String flag;

        public Key() {
        }

        public Key(UUID tenantId, String flag) {
            this.tenantId = tenantId;
            this.flag = flag;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(flag, key.flag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, flag);
        }
    }
}
