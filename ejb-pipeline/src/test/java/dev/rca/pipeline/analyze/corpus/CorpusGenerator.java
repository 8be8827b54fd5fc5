package dev.rca.pipeline.analyze.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the labelled accuracy corpus of the log analyzer: for each of {@link #layouts()} (application, server,
 * system, cloud and data-set layouts), from a fixed seed, one log of 3,000-6,000 events logged by 15-40 statements
 * written for that source, with the truth of every line.
 *
 * <p>The truth of a line ({@link Line}):
 * <ul>
 *     <li><b>template</b>: its event's template. Value slots are {@code <*>}: the parts a statement prints from a
 *     variable that vary between its events, and numbers a statement prints from a variable even when they do not
 *     vary (loghub's convention); slots joined by punctuation alone (an address and its port, seconds and their
 *     fraction, a namespace and a name) are one value. Constant words, message ids ({@code WFLYSRV0049:}) and the
 *     punctuation around a value stay, and so does a unit or prefix the statement glues to it ({@code <*>ms},
 *     {@code core.<*>}). An event with a stack trace has its first line's template, a newline and the template of
 *     its first exception line ({@code Type: message}) when that is a line of its own (docs/analysis.md). A JSON
 *     line's stack trace field counts as its stack trace. An access log's
 *     statement is an endpoint (method, route, protocol) with its status: the path's ids, sizes, referrer and user
 *     agent are its values;</li>
 *     <li><b>message</b>: the line without the header fields its format defines (timestamp, level, host, process,
 *     pid, thread, logger, client address, connection number, container stream…); a JSON line's message field;</li>
 *     <li><b>timestamp</b>: the instant the line's header states, in epoch milliseconds, or {@link #NO_TIMESTAMP}.
 *     A timestamp without a zone is UTC; without a year, the latest year that does not put it after
 *     {@link #RECEIVED_AT}; a time of day alone, the latest such moment. A BGL record states its instant by its
 *     epoch seconds; its date and time fields are the machine's local (Pacific) time;</li>
 *     <li><b>continuation</b>: the line is not the first of its event. An event is what the program emitted at
 *     once: a Java or Python stack trace, a Go goroutine dump, an indented listing, and also the lines of one
 *     record that its writer prefixes one by one (an Android crash, PostgreSQL's DETAIL/STATEMENT lines, a
 *     container runtime's partial lines). A Go runtime panic is an event of its own, not part of the line before.
 *     </li>
 * </ul>
 */
public final class CorpusGenerator {

    /** When the corpus is "uploaded": the reference for year-less timestamps. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-12-03T09:00:00Z");
    public static final long DEFAULT_SEED = 20_261_203L;
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private CorpusGenerator() {
    }

    /**
     * One line of a generated log with its truth.
     *
     * @param template     its event's true template
     * @param message      the line without its header fields
     * @param continuation the line is not the first of its event
     * @param timestamp    the instant its header states (epoch milliseconds), or {@link #NO_TIMESTAMP}
     */
    public record Line(String text, String template, String message, boolean continuation, long timestamp) {

        public boolean hasTimestamp() {
            return timestamp != NO_TIMESTAMP;
        }
    }

    /** The generated log of one layout. */
    public record Corpus(String layout, List<Line> lines, int events) {
    }

    /** The layouts, in the order {@link #generate(long)} returns them. */
    public static List<String> layouts() {
        return Sources.all().stream().map(source -> source.name).toList();
    }

    /** The logs of every layout; the same seed gives the same logs. */
    public static List<Corpus> generate(long seed) {
        List<Corpus> corpora = new ArrayList<>();
        List<Source> sources = Sources.all();
        for (int i = 0; i < sources.size(); i++) {
            corpora.add(sources.get(i).generate(new Random(seed * 1_000_003L + i)));
        }
        return corpora;
    }

    /** The log of one layout, as {@link #generate(long)} makes it. */
    public static Corpus generate(String layout, long seed) {
        List<Source> sources = Sources.all();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).name.equals(layout)) {
                return sources.get(i).generate(new Random(seed * 1_000_003L + i));
            }
        }
        throw new IllegalArgumentException("no layout " + layout);
    }
}
