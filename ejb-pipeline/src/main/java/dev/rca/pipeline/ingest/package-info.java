/**
 * The ingest stage: accepts an upload inside the HTTP request, checks it (media type, size, strict UTF-8), stores
 * each file's bytes once in {@code file_blocks}, records the {@code ingest} outcome and sends the chunk request, all
 * in one transaction. Also answers what an upload's status is.
 */
package dev.rca.pipeline.ingest;
