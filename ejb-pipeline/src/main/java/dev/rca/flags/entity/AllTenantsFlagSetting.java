package dev.rca.flags.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** An all-tenants default: applies to every tenant without a setting of its own. */
@Entity
@Table(name = "global_feature_flags")
@NamedQuery(name = AllTenantsFlagSetting.FIND_ALL, query = "SELECT s FROM AllTenantsFlagSetting s")
public class AllTenantsFlagSetting {

    public static final String FIND_ALL = "AllTenantsFlagSetting.findAll";

    @Id
    private String flag;

    @Column(name = "flag_value", nullable = false, length = 1000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AllTenantsFlagSetting() {
    }

    public AllTenantsFlagSetting(String flag, String value, Instant updatedAt) {
        this.flag = flag;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    public void set(String value, Instant at) {
        this.value = value;
        this.updatedAt = at;
    }

    public String getFlag() {
        return flag;
    }

    public String getValue() {
        return value;
    }
}
