package dev.rca.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The upload's progress on standard error: on a terminal one bar redrawn in place (bytes sent, rate, ETA), elsewhere
 * (a pipe, a CI log) or with {@code --quiet} a plain line every {@link #PLAIN_STEP_PERCENT} %, or every
 * {@link #PLAIN_STEP_BYTES} when the size is not known beforehand. A terminal is the process's console (its standard
 * input and output): with standard error alone redirected, use {@code --quiet}.
 */
final class Progress {

    static final int BAR_WIDTH = 30;
    static final int PLAIN_STEP_PERCENT = 10;
    static final long PLAIN_STEP_BYTES = 16L << 20;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long total;
    private final LongSupplier clock;
    private final long startedAt;
    private long sent;
    private long lastDrawnAt;
    private long lastPlainStep = -1;
    private long lastPlainSent = -1;
    private int lastDrawnLength;

    Progress(PrintWriter out, boolean terminal, long total, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        this.lastDrawnAt = startedAt - REDRAW_NANOS;
    }

    /**
     * Whether this process writes to a terminal. Up to Java 21 a console exists only then; from Java 22 on one
     * exists for any process, and {@code Console.isTerminal()} (looked up, since the jar runs on Java 17) says it.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** {@code bytes} more have been handed to the connection. */
    synchronized void sent(long bytes) {
        sent += bytes;
        long now = clock.getAsLong();
        if (terminal) {
            if (now - lastDrawnAt >= REDRAW_NANOS) {
                lastDrawnAt = now;
                out.print('\r' + padded(line(sent, total, now - startedAt)));
                out.flush();
            }
            return;
        }
        long step = total > 0 ? sent * 100 / total / PLAIN_STEP_PERCENT : sent / PLAIN_STEP_BYTES;
        if (step > lastPlainStep) {
            lastPlainStep = step;
            lastPlainSent = sent;
            out.println(line(sent, total, now - startedAt));
        }
    }

    /** A line of its own between the progress lines (a file that grew while it was sent). */
    synchronized void note(String message) {
        if (terminal && lastDrawnLength > 0) {
            out.print('\r' + " ".repeat(lastDrawnLength) + '\r');
            lastDrawnLength = 0;
        }
        out.println("rca: " + message);
        out.flush();
    }

    /** The body is sent: the last figures unless they are already printed, and on a terminal the bar's line end. */
    synchronized void done() {
        String last = line(sent, total > 0 ? total : sent, clock.getAsLong() - startedAt);
        if (terminal) {
            out.print('\r' + padded(last) + System.lineSeparator());
        } else if (sent != lastPlainSent) {
            out.println(last);
        }
        out.flush();
    }

    /** The line with spaces over what is left of a longer one drawn before it. */
    private String padded(String line) {
        String text = line.length() < lastDrawnLength ? line + " ".repeat(lastDrawnLength - line.length()) : line;
        lastDrawnLength = line.length();
        return text;
    }

    /**
     * One progress line: {@code [#####.....]  42%  12.0 MiB / 28.6 MiB  3.1 MiB/s  ETA 0:05}; without a known total,
     * {@code sent 12.0 MiB  3.1 MiB/s}.
     */
    static String line(long sent, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? sent / seconds : 0;
        String speed = Text.bytes((long) rate) + "/s";
        if (total <= 0) {
            return "sent " + Text.bytes(sent) + "  " + speed;
        }
        long percent = Math.min(100, sent * 100 / total);
        int filled = (int) (percent * BAR_WIDTH / 100);
        String eta = rate > 0 ? Text.clock((long) Math.ceil((total - sent) / rate)) : "-:--";
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %s / %s  %s  ETA %s", "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), percent, Text.bytes(sent), Text.bytes(total), speed, eta);
    }
}
