package dev.rca.uploads.entity;

import java.util.Locale;

/** Where an accepted upload stands: processing until its last stage has an outcome. */
public enum UploadStatus {
    PROCESSING,
    SUCCESS,
    PARTIAL,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
