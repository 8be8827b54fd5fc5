package dev.rca.pipeline.analyze.corpus;

import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Corpus;
import dev.rca.pipeline.analyze.corpus.CorpusGenerator.Line;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One log source of the corpus: its statements (a template with value slots, a level, a logger or process, how
 * often it is logged, the exception it may carry) and how it prints an event: its header, its multi-line parts.
 * {@link #generate} plans the events (Zipf-like counts, some statements exactly 1-3 times, start-up statements
 * first), times them (exponential gaps with bursts) and renders each with its truth.
 *
 * <p>Templates use {@code ${kind}} for a value slot: a kind of {@link Values}, one the source adds ({@link #kind}),
 * {@code ${a|b|c}} for one of the listed values, or {@code ${=text}} for a slot whose value happens to be fixed (a
 * number the statement prints from a variable). The true template has {@code <*>} for every slot.
 */
abstract class Source {

    static final long NO_TIMESTAMP = CorpusGenerator.NO_TIMESTAMP;
    static final Instant RECEIVED_AT = CorpusGenerator.RECEIVED_AT;

    final String name;
    final Instant start;
    double meanGapMillis = 800;
    final List<Statement> statements = new ArrayList<>();
    private final Map<String, Function<Random, String>> kinds = new HashMap<>();
    /** Java frames, innermost first, without line numbers: the application's, then its frameworks'. */
    List<String> appFrames = List.of();
    List<String> libraryFrames = List.of();

    Source(String name, String start) {
        this.name = name;
        this.start = Instant.parse(start);
    }

    /** Renders one event: its lines, each with the truth of its message and timestamp. */
    abstract void render(Event event, Emitter out);

    Statement st(String level, String origin, String template) {
        Statement statement = new Statement(level, origin, Template.of(template));
        statements.add(statement);
        return statement;
    }

    void kind(String kind, Function<Random, String> values) {
        kinds.put(kind, values);
    }

    void kind(String kind, String... alternatives) {
        kinds.put(kind, r -> alternatives[r.nextInt(alternatives.length)]);
    }

    String value(String kind, Random r) {
        if (kind.startsWith("=")) {
            return kind.substring(1);
        }
        if (kind.indexOf('|') >= 0) {
            String[] alternatives = kind.split("\\|", -1);
            return alternatives[r.nextInt(alternatives.length)];
        }
        Function<Random, String> own = kinds.get(kind);
        if (own != null) {
            return own.apply(r);
        }
        String shared = Values.value(kind, r);
        if (shared == null) {
            throw new IllegalArgumentException(name + ": no value kind " + kind);
        }
        return shared;
    }

    String fill(String template, Random r) {
        return Template.of(template).fill(this, r);
    }

    Corpus generate(Random random) {
        List<Statement> plan = plan(random);
        List<Line> lines = new ArrayList<>(plan.size() * 2);
        Instant time = start;
        int burst = 0;
        for (Statement statement : plan) {
            double mean = meanGapMillis;
            if (burst > 0) {
                burst--;
                mean = Math.max(1, meanGapMillis / 60);
            } else if (random.nextInt(250) == 0) {
                burst = 20 + random.nextInt(150);
            }
            long gapNanos = (long) (-Math.log(1 - random.nextDouble()) * mean * 1_000_000);
            time = time.plusNanos(gapNanos + random.nextInt(1000));
            Event event = new Event(this, statement, time, random);
            render(event, new Emitter(lines, event.template()));
        }
        return new Corpus(name, List.copyOf(lines), plan.size());
    }

    private List<Statement> plan(Random random) {
        int total = 3_000 + random.nextInt(3_001);
        List<Statement> first = new ArrayList<>();
        List<Statement> body = new ArrayList<>();
        List<Statement> weighted = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.startup) {
                first.add(statement);
            } else if (statement.fixed > 0) {
                for (int i = 0; i < statement.fixed; i++) {
                    body.add(statement);
                }
            } else {
                weighted.add(statement);
            }
        }
        List<Statement> ranked = new ArrayList<>(weighted);
        Collections.shuffle(ranked, random);
        double exponent = 0.8 + random.nextDouble() * 0.5;
        double[] cumulative = new double[ranked.size()];
        double sum = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            sum += ranked.get(rank).weight / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        while (body.size() + first.size() < total) {
            double at = random.nextDouble() * sum;
            int index = 0;
            while (cumulative[index] < at) {
                index++;
            }
            body.add(ranked.get(index));
        }
        Collections.shuffle(body, random);
        first.addAll(body);
        return first;
    }

    // ---- timestamps: the truth of a printed timestamp

    static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    static long millis(Instant time) {
        return Math.floorDiv(time.getEpochSecond() * 1_000_000_000L + time.getNano(), 1_000_000L);
    }

    static long seconds(Instant time) {
        return time.getEpochSecond() * 1000;
    }

    /** A printed date-time without a year: the latest year that does not put it after the upload's arrival. */
    static long yearless(int month, int day, LocalTime time) {
        int year = utc(RECEIVED_AT).getYear();
        for (int candidate = year; candidate > year - 9; candidate--) {
            if (month == 2 && day == 29 && !LocalDate.of(candidate, 1, 1).isLeapYear()) {
                continue;
            }
            long millis = LocalDateTime.of(LocalDate.of(candidate, month, day), time).toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            if (millis <= RECEIVED_AT.toEpochMilli()) {
                return millis;
            }
        }
        throw new IllegalStateException("no year for " + month + "-" + day);
    }

    /** A printed time of day alone: the latest such moment that is not after the upload's arrival. */
    static long timeOfDay(LocalTime time) {
        LocalDate day = utc(RECEIVED_AT).toLocalDate();
        long millis = LocalDateTime.of(day, time).toInstant(ZoneOffset.UTC).toEpochMilli();
        return millis <= RECEIVED_AT.toEpochMilli() ? millis : millis - 86_400_000L;
    }

    /** The time of day of an instant in UTC, cut to milliseconds. */
    static LocalTime clockMillis(Instant time) {
        return utc(time).toLocalTime().withNano(utc(time).getNano() / 1_000_000 * 1_000_000);
    }

    // ---- multi-line parts

    /**
     * A Java stack trace: the exception line (when separate), frames, the causes with theirs and "... n more". An
     * exception message of several lines gives several lines.
     */
    List<String> javaTrace(Event event) {
        Random r = event.random;
        List<String> lines = new ArrayList<>();
        if (event.exception != null) {
            lines.addAll(List.of(event.exception.split("\n", -1)));
        }
        List<String> outer = frames(r, 2 + r.nextInt(4), 3 + r.nextInt(22));
        for (String frame : outer) {
            lines.add("\tat " + frame);
        }
        int shared = outer.size();
        for (String cause : event.causes) {
            lines.addAll(List.of(("Caused by: " + cause).split("\n", -1)));
            List<String> own = frames(r, r.nextInt(3), 1 + r.nextInt(5));
            for (String frame : own) {
                lines.add("\tat " + frame);
            }
            lines.add("\t... " + (shared - 1 + r.nextInt(3)) + " more");
        }
        return lines;
    }

    /** Frames: a run of the application's frames, then a run of its frameworks', each with a stable line number. */
    List<String> frames(Random r, int app, int library) {
        List<String> frames = new ArrayList<>();
        addRun(frames, appFrames, app, r);
        addRun(frames, libraryFrames, library, r);
        return frames;
    }

    private static void addRun(List<String> frames, List<String> pool, int count, Random r) {
        if (pool.isEmpty() || count == 0) {
            return;
        }
        int from = r.nextInt(pool.size());
        for (int i = 0; i < count && from + i < pool.size(); i++) {
            frames.add(withLine(pool.get(from + i)));
        }
    }

    /** {@code a.B.c(B.java)} with the line number its method always has. */
    static String withLine(String frame) {
        if (!frame.endsWith(".java)") && !frame.endsWith(".scala)")) {
            return frame;
        }
        int line = 17 + Math.floorMod(frame.hashCode(), 900);
        return frame.substring(0, frame.length() - 1) + ":" + line + ")";
    }

    /** One statement of the source. */
    static final class Statement {
        final String level;
        final String origin;
        final Template template;
        Template thread;
        int fixed = -1;
        boolean startup;
        double weight = 1;
        final List<Thrown> thrown = new ArrayList<>();
        String dump;

        Statement(String level, String origin, Template template) {
            this.level = level;
            this.origin = origin;
            this.template = template;
        }

        /** Logged exactly {@code count} times. */
        Statement rare(int count) {
            fixed = count;
            return this;
        }

        /** Logged once, at the start of the file, in the order of the start-up statements. */
        Statement startup() {
            startup = true;
            fixed = 1;
            return this;
        }

        /** A share relative to the other statements of the same Zipf rank. */
        Statement weight(double weight) {
            this.weight = weight;
            return this;
        }

        Statement thread(String template) {
            thread = Template.of(template);
            return this;
        }

        /** One of the exceptions it may log: its exception line, then its causes, outermost first. */
        Statement throwing(String line, String... causes) {
            List<Template> parts = new ArrayList<>();
            for (String cause : causes) {
                parts.add(Template.of(cause));
            }
            thrown.add(new Thrown(line == null ? null : Template.of(line), parts));
            return this;
        }

        /** Lines printed after the message that are not an exception (a dump, a listing): rendered by the source. */
        Statement dump(String kind) {
            dump = kind;
            return this;
        }
    }

    /** An exception a statement logs; {@code line} is null when the message itself carries it. */
    record Thrown(Template line, List<Template> causes) {
    }

    /** One event being rendered: its statement, time and the values drawn for it. */
    static final class Event {
        final Statement statement;
        final Instant time;
        final Random random;
        final String message;
        final String thread;
        final Thrown thrown;
        final String exception;
        final List<String> causes = new ArrayList<>();

        Event(Source source, Statement statement, Instant time, Random random) {
            this.statement = statement;
            this.time = time;
            this.random = random;
            this.message = statement.template.fill(source, random);
            this.thread = statement.thread == null ? null : statement.thread.fill(source, random);
            this.thrown = statement.thrown.isEmpty() ? null
                    : statement.thrown.get(random.nextInt(statement.thrown.size()));
            this.exception = thrown == null || thrown.line() == null ? null : thrown.line().fill(source, random);
            if (thrown != null) {
                for (Template cause : thrown.causes()) {
                    causes.add(cause.fill(source, random));
                }
            }
        }

        /** The event's true template: the message's, and the exception line's after a newline when it has one. */
        String template() {
            String template = statement.template.truth();
            return exception == null ? template : template + "\n" + thrown.line().truth();
        }
    }

    /** Collects the lines of one event; the first one starts it, the others continue it. */
    static final class Emitter {
        private final List<Line> lines;
        private final String template;
        private boolean started;

        Emitter(List<Line> lines, String template) {
            this.lines = lines;
            this.template = template;
        }

        void line(String text, String message, long timestamp) {
            lines.add(new Line(text, template, message, started, timestamp));
            started = true;
        }

        /** A continuation line without a timestamp: its message is the line itself. */
        void more(String text) {
            line(text, text, NO_TIMESTAMP);
        }
    }

    /** A template: literal parts around value slots. */
    static final class Template {
        private static final Map<String, Template> CACHE = new HashMap<>();
        private static final Pattern GLUED = Pattern.compile("<\\*>[.:_/@#+-]{1,2}<\\*>");
        final String[] literals;
        final String[] slots;

        private Template(String[] literals, String[] slots) {
            this.literals = literals;
            this.slots = slots;
        }

        static synchronized Template of(String text) {
            return CACHE.computeIfAbsent(text, Template::parse);
        }

        private static Template parse(String text) {
            List<String> literals = new ArrayList<>();
            List<String> slots = new ArrayList<>();
            int from = 0;
            while (true) {
                int open = text.indexOf("${", from);
                if (open < 0) {
                    break;
                }
                int close = text.indexOf('}', open);
                literals.add(text.substring(from, open));
                slots.add(text.substring(open + 2, close));
                from = close + 1;
            }
            literals.add(text.substring(from));
            return new Template(literals.toArray(String[]::new), slots.toArray(String[]::new));
        }

        /** The template with {@code <*>} for each value: slots joined by punctuation alone are one value. */
        String truth() {
            String truth = String.join("<*>", literals);
            while (true) {
                String merged = GLUED.matcher(truth).replaceAll("<*>");
                if (merged.equals(truth)) {
                    return truth;
                }
                truth = merged;
            }
        }

        String fill(Source source, Random r) {
            StringBuilder text = new StringBuilder(literals[0]);
            for (int i = 0; i < slots.length; i++) {
                text.append(source.value(slots[i], r)).append(literals[i + 1]);
            }
            return text.toString();
        }
    }
}
