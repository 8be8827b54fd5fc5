package dev.rca.web.admin.flags;

import dev.rca.flags.boundary.FlagSet;
import dev.rca.flags.entity.FeatureFlag;

import java.io.Serializable;
import java.util.List;

/** One flag on a flags form: what it is, its effective value and source, and what the form is about to set. */
public class FlagRow implements Serializable {

    private final String key;
    private final String description;
    private final boolean effective;
    private final String source;
    private boolean value;
    private String reason;

    FlagRow(String key, String description, boolean effective, String source) {
        this.key = key;
        this.description = description;
        this.effective = effective;
        this.source = source;
        this.value = effective;
    }

    /** The rows of a scope's flag set; every flag is a boolean today (FlagType has one type). */
    public static List<FlagRow> of(FlagSet flags) {
        return FeatureFlag.keys().stream()
                .map(key -> new FlagRow(key, FeatureFlag.byKey(key).orElseThrow().description(),
                        Boolean.TRUE.equals(flags.flags().get(key)), flags.sources().get(key)))
                .toList();
    }

    public boolean isChanged() {
        return value != effective;
    }

    public String getKey() {
        return key;
    }

    public String getDescription() {
        return description;
    }

    public boolean isEffective() {
        return effective;
    }

    public String getSource() {
        return source;
    }

    public boolean isValue() {
        return value;
    }

    public void setValue(boolean value) {
        this.value = value;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
