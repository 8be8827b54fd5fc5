package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.io.input.ProxyInputStream;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds one upload to its {@link IngestLimits} while it streams: meters the body as it is read and every byte
 * decompressed from it, and stops the upload with a 413 the moment a limit is crossed, so that a bomb costs at most
 * the limit. The refusals are thrown from inside {@code read}, through the decompressors, which do not catch them.
 */
public final class UploadBudget {

    private final IngestLimits limits;
    private long bodyBytes;
    private long uncompressedBytes;

    public UploadBudget(IngestLimits limits) {
        this.limits = limits;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** The request body, refused once more than {@code maxBodyBytes} came through. */
    public InputStream meterBody(InputStream body) {
        return new ProxyInputStream(body) {
            @Override
            protected void afterRead(int n) {
                if (n > 0) {
                    bodyBytes += n;
                    if (bodyBytes > limits.maxBodyBytes()) {
                        throw bodyTooLarge(limits.maxBodyBytes(), bodyBytes);
                    }
                }
            }
        };
    }

    /**
     * A file's content as decompressed, counted against the upload's uncompressed total and, where the bytes were
     * compressed ({@code statistics} not null), against the compression ratio.
     */
    public InputStream meterContent(InputStream content, String name, InputStreamStatistics statistics) {
        return new ProxyInputStream(content) {
            @Override
            protected void afterRead(int n) {
                if (n <= 0) {
                    return;
                }
                uncompressedBytes += n;
                if (uncompressedBytes > limits.maxUncompressedBytes()) {
                    throw refusal(ErrorCode.UNCOMPRESSED_TOO_LARGE, "the upload's content is larger than the limit of "
                            + limits.maxUncompressedBytes() + " bytes once decompressed (at '" + name + "')",
                            name, Map.of("limitBytes", limits.maxUncompressedBytes(),
                                    "uncompressedBytes", uncompressedBytes));
                }
                if (statistics != null) {
                    checkRatio(name, statistics.getUncompressedCount(), statistics.getCompressedCount());
                }
            }
        };
    }

    private void checkRatio(String name, long uncompressed, long compressed) {
        if (uncompressed > limits.ratioGraceBytes()
                && uncompressed > (double) limits.maxCompressionRatio() * Math.max(compressed, 1)) {
            throw refusal(ErrorCode.COMPRESSION_RATIO_EXCEEDED, "'" + name + "' decompresses to more than "
                            + limits.maxCompressionRatio() + " times its compressed size: " + uncompressed
                            + " bytes from " + compressed + "; a decompression bomb is likely", name,
                    Map.of("limitRatio", limits.maxCompressionRatio(), "uncompressedBytes", uncompressed,
                            "compressedBytes", compressed));
        }
    }

    public static BusinessException bodyTooLarge(long limit, long received) {
        return new BusinessException(ErrorCode.UPLOAD_TOO_LARGE, "the upload body is larger than the limit of " + limit + " bytes",
                Map.of("limitBytes", limit, "receivedBytes", received));
    }

    private static BusinessException refusal(ErrorCode error, String message, String name, Map<String, Object> figures) {
        Map<String, Object> details = new LinkedHashMap<>(figures);
        details.put("file", EntryNames.printable(name));
        return new BusinessException(error, message, details);
    }
}
