package dev.rca.pipeline.ingest.control;

/**
 * What one upload may cost the server. Each is a MicroProfile Config key documented in docs/configuration.md.
 *
 * @param maxBodyBytes         the request body as sent (compressed, for an archive)
 * @param maxUncompressedBytes every byte decompressed or read from an archive, skipped entries included: this is
 *                             what bounds the work a bomb can cause
 * @param maxFileBytes         one stored file, after decompression and transcoding
 * @param maxEntries           archive entries, directories included
 * @param maxCompressionRatio  uncompressed to compressed bytes, checked once {@code ratioGraceBytes} are out
 */
public record IngestLimits(long maxBodyBytes, long maxUncompressedBytes, long maxFileBytes, int maxEntries,
                           int maxCompressionRatio, long ratioGraceBytes) {
}
