package dev.rca.uploads.control;

/**
 * Receives a file's blocks in order, as they are stored or read back; {@code length} bytes of {@code data} are the
 * block's content.
 */
@FunctionalInterface
public interface BlockSink {
    void accept(int blockIndex, byte[] data, int length);
}
