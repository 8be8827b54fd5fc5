package dev.rca.pipeline.analyze.control;

/**
 * One line split into its header fields and its message; reused from line to line by {@link LineParser}. The message
 * is {@code text.substring(messageStart)}, or {@link #jsonMessage} for a JSON line.
 */
public final class ParsedLine {

    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    String text;
    long timestamp = NO_TIMESTAMP;
    LogLevel level;
    String thread;
    String logger;
    int messageStart;
    String jsonMessage;
    /** A container runtime's partial record ({@code P}): the next record goes on with the same line. */
    boolean partial;
    /** A container runtime's record whose own line is indented (a stack frame of the container's program). */
    boolean indented;

    void reset(String line) {
        text = line;
        timestamp = NO_TIMESTAMP;
        level = null;
        thread = null;
        logger = null;
        messageStart = 0;
        jsonMessage = null;
        partial = false;
        indented = false;
    }

    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    public long timestamp() {
        return timestamp;
    }

    public LogLevel level() {
        return level;
    }

    public String thread() {
        return thread;
    }

    public String logger() {
        return logger;
    }

    public String message() {
        return jsonMessage != null ? jsonMessage : text.substring(messageStart);
    }

    /** The message as text and offset, without copying it. */
    CharSequence messageText() {
        return jsonMessage != null ? jsonMessage : text;
    }

    int messageOffset() {
        return jsonMessage != null ? 0 : messageStart;
    }
}
