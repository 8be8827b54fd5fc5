package dev.rca.pipeline.analyze.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception an event carries, read from its lines: the exception line ({@code Type: message}), the
 * {@code Caused by:} chain and each part's frames (Java {@code at …}, Python {@code File "…", line N, in f}, Go
 * function lines after {@code goroutine N [...]:}). Python prints its frames before the exception they belong to;
 * Java after. Bounded: at most {@link #MAX_CAUSES} causes and {@link #MAX_FRAMES} frames of each are kept, however
 * long the trace.
 */
public final class StackTrace {

    static final int MAX_CAUSES = 16;
    static final int MAX_FRAMES = 8;
    /** Frames of the fingerprint. */
    static final int FINGERPRINT_FRAMES = 3;

    private static final String TYPE = "(?<type>(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*"
            + "|[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault|Failure|Panic|Exit|Interrupt|Warning))";
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?:Exception in thread \"[^\"]*\" )?" + TYPE + "(?::\\s?(?<message>.*))?");
    private static final Pattern CAUSE = Pattern.compile("\\s*Caused by: " + TYPE + "(?::\\s?(?<message>.*))?");
    private static final Pattern JAVA_FRAME = Pattern.compile("\\s+at\\s+(?<frame>[^\\s(]+)");
    private static final Pattern PYTHON_FRAME = Pattern.compile(
            "\\s+File \"(?<file>[^\"]+)\", line \\d+, in (?<function>\\S+)");
    private static final Pattern GO_FRAME = Pattern.compile("(?<function>[\\w./*$\\[\\]-]+(?:\\([^)]*\\))?\\.?[\\w$]*)\\(");
    /** Frames of the runtime and of well-known frameworks: the application's own are preferred in fingerprints. */
    private static final String[] LIBRARY_PREFIXES = {"java.", "javax.", "jakarta.", "sun.", "jdk.", "com.sun.",
            "kotlin.", "scala.", "org.jboss.", "org.wildfly.", "io.undertow.", "org.hibernate.", "org.apache.",
            "org.springframework.", "org.eclipse.", "io.netty.", "reactor.", "com.google.", "org.postgresql.",
            "org.h2.", "runtime.", "net.http.", "/usr/lib/python", "<frozen "};

    /** One part of the chain: the outermost exception or a cause. */
    public record Part(String type, String message, List<String> frames) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<String> pendingFrames = new ArrayList<>();
    private List<String> frames;
    private String exceptionLine;
    private boolean goroutine;

    /** Reads one line of the event (its first line included: an event may start with the exception itself). */
    public void line(String text) {
        if (text.isEmpty()) {
            return;
        }
        char first = text.charAt(0);
        if (first == ' ' || first == '\t') {
            frame(text);
            return;
        }
        if (text.startsWith("Caused by: ")) {
            Matcher cause = CAUSE.matcher(text);
            if (cause.matches()) {
                part(cause.group("type"), cause.group("message"));
            }
            return;
        }
        if (text.startsWith("goroutine ") && text.endsWith(":")) {
            goroutine = true;
            return;
        }
        if (text.startsWith("panic: ")) {
            if (exceptionLine == null) {
                exceptionLine = text;
            }
            part("panic", text.substring("panic: ".length()));
            return;
        }
        if (goroutine) {
            Matcher frame = GO_FRAME.matcher(text);
            if (frame.lookingAt()) {
                addFrame(frame.group("function"));
                return;
            }
        }
        if (parts.size() < MAX_CAUSES && !text.startsWith("Traceback ")) {
            Matcher exception = EXCEPTION.matcher(text);
            if (exception.matches() && (parts.isEmpty() || !pendingFrames.isEmpty())) {
                if (exceptionLine == null) {
                    exceptionLine = text;
                }
                part(exception.group("type"), exception.group("message"));
            }
        }
    }

    private void frame(String text) {
        Matcher java = JAVA_FRAME.matcher(text);
        if (java.lookingAt()) {
            addFrame(java.group("frame"));
            return;
        }
        Matcher python = PYTHON_FRAME.matcher(text);
        if (python.lookingAt()) {
            pendingFrames.add(python.group("file") + ":" + python.group("function"));
            if (pendingFrames.size() > MAX_FRAMES) {
                pendingFrames.remove(0);
            }
        }
    }

    private void addFrame(String frame) {
        if (frames == null) {
            pendingFrames.add(frame);
        } else if (frames.size() < MAX_FRAMES) {
            frames.add(frame);
        }
    }

    private void part(String type, String message) {
        if (parts.size() >= MAX_CAUSES) {
            return;
        }
        frames = new ArrayList<>();
        if (!pendingFrames.isEmpty()) {
            // Python: the most recent call is printed last; the top frame comes first here
            for (int i = pendingFrames.size() - 1; i >= 0 && frames.size() < MAX_FRAMES; i--) {
                frames.add(pendingFrames.get(i));
            }
            pendingFrames.clear();
        }
        parts.add(new Part(type, message == null ? "" : message, frames));
    }

    /** A {@code Type: message} line (or a bare qualified type) as a trace prints its exception. */
    public static boolean isExceptionLine(String text) {
        return EXCEPTION.matcher(text).matches();
    }

    public boolean isPresent() {
        return !parts.isEmpty();
    }

    /** The first exception line of the event, as printed; null when it has none. */
    public String exceptionLine() {
        return exceptionLine;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The fully qualified outermost type. */
    public String type() {
        return parts.get(0).type();
    }

    /** The last cause (the outermost exception when there is none). */
    public Part rootCause() {
        return parts.get(parts.size() - 1);
    }

    /** The frames that identify where it was thrown: the root cause's, the application's first. */
    public List<String> topFrames() {
        List<String> source = rootCause().frames().isEmpty() ? parts.get(0).frames() : rootCause().frames();
        List<String> application = source.stream().filter(frame -> !isLibrary(frame)).toList();
        List<String> chosen = application.isEmpty() ? source : application;
        return chosen.subList(0, Math.min(FINGERPRINT_FRAMES, chosen.size()));
    }

    /** Type chain (root cause first) and top frames, line numbers ignored, as 16 hex digits. */
    public String fingerprint() {
        StringBuilder key = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            key.append(parts.get(i).type()).append('<');
        }
        for (String frame : topFrames()) {
            key.append('|').append(frame);
        }
        return hash(key.toString());
    }

    static boolean isLibrary(String frame) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (frame.startsWith(prefix) || frame.contains("/site-packages/")) {
                return true;
            }
        }
        return false;
    }

    /** The first 16 hex digits of the text's SHA-256: stable ids for templates and fingerprints. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
