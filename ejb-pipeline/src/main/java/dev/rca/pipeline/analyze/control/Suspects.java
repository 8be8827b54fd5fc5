package dev.rca.pipeline.analyze.control;

import dev.rca.pipeline.analyze.control.AnalysisReport.Burst;
import dev.rca.pipeline.analyze.control.AnalysisReport.Suspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the patterns an on-call engineer should read first (docs/analysis.md, "Suspects"). A candidate is a pattern
 * at WARN or above, with a stack trace, a burst, or new against the baseline. Its score adds:
 * <ul>
 *   <li>{@code error_level}: 3 for ERROR, 4 for FATAL ({@code warn_level}: 1);</li>
 *   <li>{@code first_error}: 3 for the error pattern seen first, and for every error pattern up to 2 more the
 *   earlier it starts among the error patterns — the root of a cascade comes before its symptoms;</li>
 *   <li>{@code rare}: 2 when it has at most {@link #rareLimit} events;</li>
 *   <li>{@code exception_root_cause}: 1.5 when its events carry a stack trace (see the exception groups);</li>
 *   <li>{@code burst_start}: 1.5 when it bursts, 1 more for the earliest burst of the upload;</li>
 *   <li>{@code new}: 3 when no template of the baseline matches it;</li>
 * </ul>
 * minus half the decimal logarithm of its event count, so that a symptom repeated thousands of times loses about
 * two points against an event seen once.
 */
public final class Suspects {

    public static final int MAX_SUSPECTS = 50;

    private Suspects() {
    }

    /** At most this many events make a pattern rare: 3, or one in a thousand events. */
    static long rareLimit(long events) {
        return Math.max(3, (events + 999) / 1000);
    }

    public static List<Suspect> rank(List<PatternSummary> patterns, List<Burst> bursts, long events,
                                     Set<String> newPatterns) {
        Map<String, Instant> burstStarts = new HashMap<>();
        String earliestBurst = null;
        for (Burst burst : bursts) {
            burstStarts.putIfAbsent(burst.pattern(), Instant.parse(burst.start()));
            if (earliestBurst == null) {
                earliestBurst = burst.pattern();
            }
        }
        List<PatternSummary> errors = new ArrayList<>();
        for (PatternSummary pattern : patterns) {
            if (isError(pattern)) {
                errors.add(pattern);
            }
        }
        errors.sort(FIRST_SEEN);
        Map<String, Integer> errorOrder = new HashMap<>();
        for (int i = 0; i < errors.size(); i++) {
            errorOrder.put(errors.get(i).id(), i);
        }
        long rare = rareLimit(events);
        List<Scored> scored = new ArrayList<>();
        for (PatternSummary pattern : patterns) {
            LogLevel level = pattern.level() == null ? null : LogLevel.valueOf(pattern.level());
            boolean isNew = newPatterns.contains(pattern.id());
            boolean bursting = burstStarts.containsKey(pattern.id());
            boolean warn = level != null && level.atLeast(LogLevel.WARN);
            if (!warn && !pattern.exception() && !bursting && !isNew) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            double score = 0;
            if (level == LogLevel.FATAL || level == LogLevel.ERROR) {
                score += level == LogLevel.FATAL ? 4 : 3;
                reasons.add("error_level");
                int order = errorOrder.get(pattern.id());
                if (order == 0) {
                    score += 3;
                    reasons.add("first_error");
                }
                score += 2.0 * (errors.size() - order) / errors.size();
            } else if (level == LogLevel.WARN) {
                score += 1;
                reasons.add("warn_level");
            }
            if (pattern.count() <= rare) {
                score += 2;
                reasons.add("rare");
            }
            if (pattern.exception()) {
                score += 1.5;
                reasons.add("exception_root_cause");
            }
            if (bursting) {
                score += pattern.id().equals(earliestBurst) ? 2.5 : 1.5;
                reasons.add("burst_start");
            }
            if (isNew) {
                score += 3;
                reasons.add("new");
            }
            score -= 0.5 * Math.log10(pattern.count());
            scored.add(new Scored(pattern, Math.round(score * 100) / 100.0, reasons,
                    bursting ? burstStarts.get(pattern.id()) : null));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score)
                .thenComparing(s -> s.pattern, FIRST_SEEN));
        List<Suspect> suspects = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < MAX_SUSPECTS; i++) {
            Scored s = scored.get(i);
            suspects.add(new Suspect(i + 1, s.pattern.id(), s.score, List.copyOf(s.reasons), s.pattern.template(),
                    s.pattern.firstSeen(), s.pattern.at()));
        }
        return suspects;
    }

    private static boolean isError(PatternSummary pattern) {
        return "ERROR".equals(pattern.level()) || "FATAL".equals(pattern.level());
    }

    /** Earliest first: by first timestamp, then (untimestamped) by file and line, then by id. */
    public static final Comparator<PatternSummary> FIRST_SEEN = Comparator
            .comparing((PatternSummary p) -> p.firstSeen() == null ? Instant.MAX : Instant.parse(p.firstSeen()))
            .thenComparingInt(p -> p.at().file())
            .thenComparingLong(p -> p.at().line())
            .thenComparing(PatternSummary::id);

    private record Scored(PatternSummary pattern, double score, List<String> reasons, Instant burstStart) {
    }
}
