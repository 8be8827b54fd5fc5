package dev.rca.uploads.entity;

import dev.rca.naming.Labelled;

/** Where an accepted upload stands: processing until its last stage has an outcome. */
public enum UploadStatus implements Labelled {
    PROCESSING,
    SUCCESS,
    PARTIAL,
    FAILED;
}
