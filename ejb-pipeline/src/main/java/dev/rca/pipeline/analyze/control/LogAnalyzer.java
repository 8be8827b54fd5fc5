package dev.rca.pipeline.analyze.control;

import dev.rca.pipeline.analyze.control.AnalysisReport.ExceptionGroup;
import dev.rca.pipeline.analyze.control.AnalysisReport.FileSummary;
import dev.rca.pipeline.analyze.control.AnalysisReport.FirstError;
import dev.rca.pipeline.analyze.control.AnalysisReport.Location;
import dev.rca.pipeline.analyze.control.AnalysisReport.RootCause;
import dev.rca.pipeline.analyze.control.AnalysisReport.TimeSpan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses the files of one upload, line by line, in file order: structures each line by the file's detected layout,
 * folds continuation lines into their event, masks each event's message into a template, groups the exceptions;
 * then, once every file is read, clusters the templates into patterns and derives the timeline, bursts and suspects.
 * Memory is bounded by {@link AnalyzerLimits}, apart from an int per line and 16 bytes per timestamped event.
 * Not thread-safe; the same lines in the same files give the same result.
 */
public final class LogAnalyzer {

    public static final String VERSION = "rca-analyzer/2";
    static final String TAIL_TEMPLATE = TokenMasker.WILDCARD;
    static final String EXCEPTION_SEPARATOR = "\n";
    static final Set<String> DETAIL_RECORDS = Set.of("DETAIL", "HINT", "CONTEXT", "STATEMENT", "QUERY", "LOCATION");

    private final AnalyzerLimits limits;
    private final Instant reference;

    private final Map<String, Integer> templateIds = new HashMap<>();
    private final List<String> templates = new ArrayList<>();
    private final List<String> samples = new ArrayList<>();
    private final List<BitSet> templateFiles = new ArrayList<>();
    private long[] counts = new long[256];
    private long[] firstSeen = new long[256];
    private long[] lastSeen = new long[256];
    private int[] levels = new int[256];
    private boolean[] exceptional = new boolean[256];
    private int[] atFile = new int[256];
    private long[] atLine = new long[256];
    private long templateChars;
    private int tail = -1;

    private long[] eventTimes = new long[1024];
    private int[] eventTemplates = new int[1024];
    private int[] eventFiles = new int[1024];
    private byte[] eventLevels = new byte[1024];
    private int timedEvents;

    private final Map<String, ExceptionStats> exceptions = new LinkedHashMap<>();
    private final List<FileScan> files = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private long lines;
    private long events;
    private boolean partial;
    private final StringBuilder template = new StringBuilder(256);

    public LogAnalyzer(AnalyzerLimits limits, Instant reference) {
        this.limits = limits;
        this.reference = reference;
    }

    /** Starts the next file; files must be read one after the other, in the order of their index. */
    public FileScan file(int index, String name) {
        FileScan scan = new FileScan(index, name);
        files.add(scan);
        return scan;
    }

    /** Adds a warning and marks the analysis partial: a bound was hit. */
    public void bound(String warning) {
        partial = true;
        warnings.add(warning);
    }

    /** Adds a warning about the input that leaves the analysis complete. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** One file being read. */
    public final class FileScan {
        private final int index;
        private final String name;
        private List<String> sample = new ArrayList<>();
        private int sampledHeaders;
        private LineParser parser;
        private final ParsedLine parsed = new ParsedLine();
        private int[] map = new int[1024];
        private int lineCount;
        private long timestamped;
        private FirstError firstError;

        private int eventStart = -1;
        private int eventLines;
        private String eventText;
        private int eventOffset;
        private long eventTime;
        private LogLevel eventLevel;
        private String eventThread;
        private StackTrace trace;
        private boolean traceback;
        private boolean goroutine;
        /** The line before was a container runtime's partial record. */
        private boolean partialBefore;

        FileScan(int index, String name) {
            this.index = index;
            this.name = name;
        }

        public void line(String line) {
            String text = line.length() > limits.maxLineChars() ? line.substring(0, limits.maxLineChars()) : line;
            if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
                text = text.substring(0, text.length() - 1);
            }
            if (parser == null) {
                sample.add(text);
                if (LayoutDetector.mayStartEvent(text)) {
                    sampledHeaders++;
                }
                if (sampledHeaders == LayoutDetector.SAMPLE_LINES || sample.size() == LayoutDetector.MAX_SAMPLE_LINES) {
                    start();
                }
                return;
            }
            process(text);
        }

        private void start() {
            parser = new LineParser(LayoutDetector.detect(sample, reference), reference);
            List<String> detected = sample;
            sample = null;
            for (String text : detected) {
                process(text);
            }
        }

        public FileLayout finish() {
            if (parser == null) {
                start();
            }
            closeEvent();
            return parser.layout();
        }

        private void process(String text) {
            if (lineCount == map.length) {
                map = Arrays.copyOf(map, map.length * 2);
            }
            lineCount++;
            lines++;
            parser.parse(text, parsed);
            if (parsed.hasTimestamp()) {
                timestamped++;
            }
            boolean continued = continues(text);
            partialBefore = parsed.partial;
            if (continued) {
                map[lineCount - 1] = 1;
                eventLines++;
                if (trace == null) {
                    trace = new StackTrace();
                    trace.line(eventText.substring(eventOffset));
                }
                // a container's indented line is read without the runtime's header
                trace.line(parsed.indented ? "\t" + parsed.message() : text);
                return;
            }
            closeEvent();
            eventStart = lineCount - 1;
            eventLines = 1;
            eventText = parsed.messageText().toString();
            eventOffset = parsed.messageOffset();
            eventTime = parsed.timestamp();
            eventLevel = parsed.level();
            eventThread = parsed.thread();
            trace = null;
            traceback = false;
            goroutine = false;
        }

        /** Whether a line continues the current event rather than starting one. */
        private boolean continues(String text) {
            if (eventStart < 0 || text.startsWith("panic: ")) {
                // a Go runtime panic is printed without a header: it starts an event of its own
                return false;
            }
            if (parsed.hasTimestamp()) {
                // a container runtime's record that goes on with a partial one, or holds an indented line
                return partialBefore || parsed.indented || isDetail(parsed);
            }
            if (eventLines >= limits.maxEventLines()) {
                bound("an event of " + name + " has more than " + limits.maxEventLines()
                        + " lines; the following lines start new events");
                return false;
            }
            if (text.isEmpty()) {
                return true;
            }
            char first = text.charAt(0);
            if (first == ' ' || first == '\t') {
                return true;
            }
            if (text.startsWith("Caused by: ") || text.startsWith("Suppressed: ") || text.startsWith("... ")
                    || text.startsWith("at ")) {
                return true;
            }
            if (traceback) {
                // the exception line ends a Python traceback
                traceback = false;
                return true;
            }
            if (text.startsWith("Traceback (most recent call last)")) {
                traceback = true;
                return true;
            }
            if (goroutine || text.startsWith("goroutine ") && eventText.startsWith("panic: ", eventOffset)) {
                goroutine = true;
                return true;
            }
            if (parser.layout().json()) {
                return first != '{';
            }
            if (parser.layout().timestamped()) {
                return true;
            }
            return eventLines == 1 && Character.isLetter(first) && text.indexOf(':') > 0
                    && (text.contains("Exception") || text.contains("Error") || text.contains("Throwable"))
                    && StackTrace.isExceptionLine(text);
        }

        /**
         * A timestamped record that only adds to the one before it from the same thread or process: its header's
         * message opens with {@code DETAIL:}, {@code HINT:}, {@code CONTEXT:}, {@code STATEMENT:}, {@code QUERY:} or
         * {@code LOCATION:} (PostgreSQL prints an error's detail, hint and statement as such records), possibly after
         * the session's {@code user@database}.
         */
        private boolean isDetail(ParsedLine line) {
            if (!java.util.Objects.equals(line.thread(), eventThread)) {
                return false;
            }
            if (line.logger() != null && DETAIL_RECORDS.contains(line.logger())) {
                return true; // the layout took it for the header's name
            }
            String text = line.messageText().toString();
            int offset = line.messageOffset();
            int space = text.indexOf(' ', offset);
            if (space > offset && text.lastIndexOf('@', space) > offset) {
                offset = space + 1; // the session's user@database (log_line_prefix %u@%d) before the record's name
            }
            int colon = text.indexOf(':', offset);
            return colon > offset && colon - offset <= 9 && DETAIL_RECORDS.contains(text.substring(offset, colon));
        }

        private void closeEvent() {
            if (eventStart < 0) {
                return;
            }
            template.setLength(0);
            TokenMasker.mask(eventText, eventOffset, template);
            boolean withTrace = trace != null && trace.isPresent();
            if (withTrace && trace.exceptionLine() != null && eventLines > 1
                    && !eventText.startsWith(trace.exceptionLine(), eventOffset)) {
                template.append(' ').append(EXCEPTION_SEPARATOR).append(' ');
                TokenMasker.mask(trace.exceptionLine(), 0, template);
            }
            int id = templateId(template.toString(), eventText, eventOffset);
            int level = eventLevel == null ? -1 : eventLevel.ordinal();
            counts[id]++;
            levels[id] = Math.max(levels[id], level);
            exceptional[id] |= withTrace;
            templateFiles.get(id).set(index);
            if (eventTime != ParsedLine.NO_TIMESTAMP) {
                if (eventTime < firstSeen[id]) {
                    firstSeen[id] = eventTime;
                    atFile[id] = index;
                    atLine[id] = eventStart + 1L;
                }
                lastSeen[id] = Math.max(lastSeen[id], eventTime);
                addTimedEvent(id);
            } else if (atLine[id] == 0) {
                atFile[id] = index;
                atLine[id] = eventStart + 1L;
            }
            map[eventStart] = LineMap.entry(id, false);
            for (int line = eventStart + 1; line < eventStart + eventLines; line++) {
                map[line] = LineMap.entry(id, true);
            }
            if (withTrace) {
                exceptions.computeIfAbsent(trace.fingerprint(), fingerprint -> new ExceptionStats(trace))
                        .add(eventTime, index, eventStart + 1L);
            }
            if (firstError == null && eventLevel != null && eventLevel.atLeast(LogLevel.ERROR)) {
                firstError = new FirstError(eventStart + 1L, eventTime == ParsedLine.NO_TIMESTAMP ? null
                        : Instant.ofEpochMilli(eventTime).toString());
            }
            events++;
            eventStart = -1;
            trace = null;
        }

        private void addTimedEvent(int id) {
            if (timedEvents == eventTimes.length) {
                int grown = eventTimes.length * 2;
                eventTimes = Arrays.copyOf(eventTimes, grown);
                eventTemplates = Arrays.copyOf(eventTemplates, grown);
                eventFiles = Arrays.copyOf(eventFiles, grown);
                eventLevels = Arrays.copyOf(eventLevels, grown);
            }
            eventLevels[timedEvents] = (byte) (eventLevel == null ? -1 : eventLevel.ordinal());
            eventTimes[timedEvents] = eventTime;
            eventTemplates[timedEvents] = id;
            eventFiles[timedEvents] = index;
            timedEvents++;
        }

        FileSummary summary() {
            return new FileSummary(index, name, parser.layout().description(), lineCount, timestamped, firstError);
        }
    }

    private int templateId(String masked, String text, int offset) {
        Integer known = templateIds.get(masked);
        if (known != null) {
            return known;
        }
        if (templates.size() >= limits.maxTemplates() || templateChars + masked.length() > limits.maxTemplateChars()) {
            if (tail < 0) {
                // Once, with the figures of the moment it happened: later events only add to the tail.
                bound("more than " + templates.size() + " distinct templates (" + templateChars
                        + " characters): the events of templates first seen after that are folded into one pattern");
                tail = newTemplate(TAIL_TEMPLATE, "");
            }
            return tail;
        }
        String sample = text.substring(offset, Math.min(text.length(), offset + PatternSummary.SAMPLE_CHARS));
        int id = newTemplate(masked, sample);
        templateIds.put(masked, id);
        templateChars += masked.length();
        return id;
    }

    private int newTemplate(String masked, String sample) {
        int id = templates.size();
        templates.add(masked);
        samples.add(sample);
        templateFiles.add(new BitSet());
        if (id == counts.length) {
            int grown = counts.length * 2;
            counts = Arrays.copyOf(counts, grown);
            firstSeen = Arrays.copyOf(firstSeen, grown);
            lastSeen = Arrays.copyOf(lastSeen, grown);
            levels = Arrays.copyOf(levels, grown);
            exceptional = Arrays.copyOf(exceptional, grown);
            atFile = Arrays.copyOf(atFile, grown);
            atLine = Arrays.copyOf(atLine, grown);
        }
        firstSeen[id] = Long.MAX_VALUE;
        lastSeen[id] = Long.MIN_VALUE;
        levels[id] = -1;
        return id;
    }

    /** Clusters the templates and derives everything else; the analyzer is spent afterwards. */
    public Analysis finish() {
        List<String> mined = new ArrayList<>(templates);
        if (tail >= 0) {
            mined.set(tail, "\u0000");
        }
        TemplateClustering.Result clustering = TemplateClustering.cluster(mined);
        int clusters = clustering.patterns().size();
        List<Draft> drafts = new ArrayList<>(clusters);
        for (String[] tokens : clustering.patterns()) {
            drafts.add(new Draft(render(tokens)));
        }
        Draft tailDraft = null;
        int[] draftOf = clustering.patternOf().clone();
        for (int id = 0; id < templates.size(); id++) {
            if (id == tail) {
                tailDraft = new Draft(TAIL_TEMPLATE);
                tailDraft.tail = true;
                drafts.set(draftOf[id], tailDraft);
            }
            drafts.get(draftOf[id]).add(id);
        }
        List<Draft> kept = new ArrayList<>(drafts);
        kept.sort(Draft.ORDER);
        if (kept.size() > limits.maxPatterns()) {
            bound("more than " + limits.maxPatterns() + " patterns: the " + (kept.size() - limits.maxPatterns() + 1)
                    + " rarest are folded into one pattern");
            if (tailDraft == null) {
                tailDraft = new Draft(TAIL_TEMPLATE);
                tailDraft.tail = true;
            }
            for (Draft folded : kept.subList(limits.maxPatterns() - 1, kept.size())) {
                if (folded != tailDraft) {
                    for (int id : folded.members) {
                        tailDraft.add(id);
                    }
                }
            }
            kept = new ArrayList<>(kept.subList(0, limits.maxPatterns() - 1));
            kept.remove(tailDraft);
            kept.add(tailDraft);
            kept.sort(Draft.ORDER);
        }
        int[] patternOf = new int[templates.size()];
        List<PatternSummary> patterns = new ArrayList<>(kept.size());
        for (int ordinal = 0; ordinal < kept.size(); ordinal++) {
            Draft draft = kept.get(ordinal);
            for (int id : draft.members) {
                patternOf[id] = ordinal;
            }
            patterns.add(draft.summary());
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int i = 0; i < timedEvents; i++) {
            from = Math.min(from, eventTimes[i]);
            to = Math.max(to, eventTimes[i]);
        }
        int[] eventPatterns = new int[timedEvents];
        for (int i = 0; i < timedEvents; i++) {
            eventPatterns[i] = patternOf[eventTemplates[i]];
        }
        EventTimes times = new EventTimes(eventTimes, eventPatterns, eventFiles, eventLevels, timedEvents);
        AnalysisReport.Timeline timeline = Timelines.timeline(times, from, to);
        List<AnalysisReport.Burst> bursts = Timelines.bursts(times, patterns, from, timeline.bucketSeconds());
        List<AnalysisReport.Suspect> suspects = Suspects.rank(patterns, bursts, events, Set.of());
        List<FileSummary> summaries = new ArrayList<>();
        List<byte[]> maps = new ArrayList<>();
        List<FileLayout> layouts = new ArrayList<>();
        for (FileScan file : files) {
            for (int line = 0; line < file.lineCount; line++) {
                int entry = file.map[line];
                file.map[line] = LineMap.entry(patternOf[entry >>> 1], (entry & 1) == 1);
            }
            maps.add(LineMap.encode(file.map, file.lineCount));
            summaries.add(file.summary());
            layouts.add(file.parser.layout());
            file.map = null;
        }
        List<ExceptionGroup> groups = exceptions.entrySet().stream()
                .map(entry -> entry.getValue().group(entry.getKey()))
                .sorted(Comparator.comparingLong(ExceptionGroup::count).reversed()
                        .thenComparing(ExceptionGroup::fingerprint))
                .toList();
        AnalysisReport report = new AnalysisReport(partial ? "partial" : "success", VERSION, lines, events,
                patterns.size(), timedEvents == 0 ? null
                : new TimeSpan(Instant.ofEpochMilli(from).toString(), Instant.ofEpochMilli(to).toString()),
                List.copyOf(warnings), summaries, suspects, groups, timeline, bursts, null);
        return new Analysis(report, patterns, layouts, maps);
    }

    /** A template as text: tokens joined by spaces, the exception line after a newline. */
    static String render(String[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals(EXCEPTION_SEPARATOR)) {
                text.append(EXCEPTION_SEPARATOR);
                continue;
            }
            if (i > 0 && !tokens[i - 1].equals(EXCEPTION_SEPARATOR)) {
                text.append(' ');
            }
            text.append(tokens[i]);
        }
        return text.toString();
    }

    /** A pattern being assembled from its templates. */
    private final class Draft {
        static final Comparator<Draft> ORDER = Comparator.comparingLong((Draft draft) -> -draft.count)
                .thenComparing(draft -> draft.template);

        final String template;
        final List<Integer> members = new ArrayList<>();
        boolean tail;
        long count;

        Draft(String template) {
            this.template = template;
        }

        void add(int id) {
            members.add(id);
            count += counts[id];
        }

        PatternSummary summary() {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            int level = -1;
            boolean exception = false;
            BitSet in = new BitSet();
            int at = members.get(0);
            for (int id : members) {
                level = Math.max(level, levels[id]);
                exception |= exceptional[id];
                in.or(templateFiles.get(id));
                last = Math.max(last, lastSeen[id]);
                if (firstSeen[id] < first) {
                    first = firstSeen[id];
                    at = id;
                } else if (first == Long.MAX_VALUE && (atFile[id] < atFile[at]
                        || atFile[id] == atFile[at] && atLine[id] < atLine[at])) {
                    at = id;
                }
            }
            String id = StackTrace.hash(tail ? "\u0000tail" : template);
            return new PatternSummary(id, template, count, level < 0 ? null : LogLevel.values()[level].name(),
                    first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first).toString(),
                    last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last).toString(),
                    in.stream().boxed().toList(), new Location(atFile[at], atLine[at]),
                    tail ? "" : samples.get(at), exception);
        }
    }

    /** The events of one exception fingerprint. */
    private static final class ExceptionStats {
        final String type;
        final RootCause rootCause;
        final List<String> frames;
        long count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int atFile;
        long atLine;

        ExceptionStats(StackTrace trace) {
            this.type = trace.type();
            StackTrace.Part root = trace.rootCause();
            StringBuilder message = new StringBuilder();
            TokenMasker.mask(root.message(), 0, message);
            this.rootCause = new RootCause(root.type(), message.toString());
            this.frames = List.copyOf(trace.topFrames());
        }

        void add(long time, int file, long line) {
            if (count == 0 || time != ParsedLine.NO_TIMESTAMP && time < first) {
                atFile = file;
                atLine = line;
            }
            count++;
            if (time != ParsedLine.NO_TIMESTAMP) {
                first = Math.min(first, time);
                last = Math.max(last, time);
            }
        }

        ExceptionGroup group(String fingerprint) {
            return new ExceptionGroup(fingerprint, type, rootCause, frames, count,
                    first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first).toString(),
                    last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last).toString(),
                    new Location(atFile, atLine));
        }
    }

    /** The timestamped events, for the timeline and the bursts: time, pattern, file and level (ordinal or -1). */
    record EventTimes(long[] times, int[] patterns, int[] files, byte[] levels, int count) {
    }

    /** An upload's analysis: the report, its patterns in ordinal order, each file's layout and line map. */
    public record Analysis(AnalysisReport report, List<PatternSummary> patterns, List<FileLayout> layouts,
                           List<byte[]> lineMaps) {
    }
}
