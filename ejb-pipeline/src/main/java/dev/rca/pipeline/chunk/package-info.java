/**
 * The chunk stage: a message-driven consumer of ChunkRequestQueue splits each stored file into deterministic,
 * line-aligned chunks that keep multi-line records together, recording byte and line ranges, never copies of the
 * text. Also pages through an upload's chunks for the API.
 */
package dev.rca.pipeline.chunk;
