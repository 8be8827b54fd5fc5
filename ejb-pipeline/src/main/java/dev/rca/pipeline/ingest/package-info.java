/**
 * The ingest stage: accepts an upload inside the HTTP request — a text file, a gzipped one or a zip or (gzipped)
 * tar bundle, told apart by their bytes — and checks it (media type, limits metered while streaming, encodings:
 * UTF-8, UTF-16 with a byte order mark transcoded), stores each text file's bytes once in {@code file_blocks},
 * skips archive entries it cannot use with a reason (the upload's {@code SkipReport}) and records the
 * {@code ingest} outcome, in one transaction; the next stage's request is sent once that has committed.
 */
package dev.rca.pipeline.ingest;
