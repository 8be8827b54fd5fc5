package dev.rca.pipeline.analyze.control;

import dev.rca.pipeline.analyze.control.AnalysisReport.Bucket;
import dev.rca.pipeline.analyze.control.AnalysisReport.Burst;
import dev.rca.pipeline.analyze.control.AnalysisReport.Timeline;
import dev.rca.pipeline.analyze.control.LogAnalyzer.EventTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline (events per bucket and level over the upload's time span, one merged timeline for all its files) and
 * each pattern's bursts: runs of buckets where the pattern's rate is at least {@link #BURST_FACTOR} times its own
 * median rate over the span, and at least {@link #MIN_BURST_EVENTS} events a bucket. A burst starts at its first
 * event and ends at its last, and lists every file it has events in — so a burst that several files of a bundle
 * show at once is reported once.
 */
final class Timelines {

    static final int MAX_BUCKETS = 300;
    static final double BURST_FACTOR = 5;
    static final int MIN_BURST_EVENTS = 5;
    static final int MAX_BURSTS = 100;
    static final int MAX_BURSTS_PER_PATTERN = 3;
    static final String NO_LEVEL = "NONE";
    private static final long[] WIDTHS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800,
            21_600, 43_200, 86_400, 172_800, 604_800};

    private Timelines() {
    }

    /** The bucket width, in seconds, that gives at most {@link #MAX_BUCKETS} buckets over the span. */
    static long width(long fromMillis, long toMillis) {
        for (long width : WIDTHS) {
            if (bucketCount(fromMillis, toMillis, width) <= MAX_BUCKETS) {
                return width;
            }
        }
        long week = WIDTHS[WIDTHS.length - 1];
        long weeks = (toMillis - fromMillis) / 1000 / week / MAX_BUCKETS + 1;
        return week * weeks;
    }

    static int bucketCount(long fromMillis, long toMillis, long widthSeconds) {
        long width = widthSeconds * 1000;
        long start = Math.floorDiv(fromMillis, width) * width;
        return (int) Math.min(Integer.MAX_VALUE, (toMillis - start) / width + 1);
    }

    static Timeline timeline(EventTimes events, long fromMillis, long toMillis) {
        if (events.count() == 0) {
            return new Timeline(0, List.of());
        }
        long widthSeconds = width(fromMillis, toMillis);
        long width = widthSeconds * 1000;
        long start = Math.floorDiv(fromMillis, width) * width;
        int buckets = bucketCount(fromMillis, toMillis, widthSeconds);
        LogLevel[] levels = LogLevel.values();
        long[][] counts = new long[buckets][levels.length + 1];
        for (int i = 0; i < events.count(); i++) {
            int bucket = (int) ((events.times()[i] - start) / width);
            int level = events.levels()[i];
            counts[bucket][level < 0 ? levels.length : level]++;
        }
        List<Bucket> result = new ArrayList<>(buckets);
        for (int bucket = 0; bucket < buckets; bucket++) {
            Map<String, Long> byLevel = new LinkedHashMap<>();
            for (int level = levels.length - 1; level >= 0; level--) {
                if (counts[bucket][level] > 0) {
                    byLevel.put(levels[level].name(), counts[bucket][level]);
                }
            }
            if (counts[bucket][levels.length] > 0) {
                byLevel.put(NO_LEVEL, counts[bucket][levels.length]);
            }
            result.add(new Bucket(Instant.ofEpochMilli(start + bucket * width).toString(), byLevel));
        }
        return new Timeline(widthSeconds, result);
    }

    static List<Burst> bursts(EventTimes events, List<PatternSummary> patterns, long fromMillis, long widthSeconds) {
        if (events.count() == 0 || widthSeconds == 0) {
            return List.of();
        }
        long width = widthSeconds * 1000;
        long start = Math.floorDiv(fromMillis, width) * width;
        int buckets = 0;
        for (int i = 0; i < events.count(); i++) {
            buckets = Math.max(buckets, (int) ((events.times()[i] - start) / width) + 1);
        }
        if (buckets < 3) {
            return List.of();
        }
        int[][] perPattern = new int[patterns.size()][];
        for (int i = 0; i < events.count(); i++) {
            int pattern = events.patterns()[i];
            if (patterns.get(pattern).count() < MIN_BURST_EVENTS) {
                continue;
            }
            if (perPattern[pattern] == null) {
                perPattern[pattern] = new int[buckets];
            }
            perPattern[pattern][(int) ((events.times()[i] - start) / width)]++;
        }
        List<Run> runs = new ArrayList<>();
        for (int pattern = 0; pattern < perPattern.length; pattern++) {
            int[] counts = perPattern[pattern];
            if (counts == null) {
                continue;
            }
            int[] sorted = counts.clone();
            Arrays.sort(sorted);
            double baseline = Math.max(1, sorted[sorted.length / 2]);
            double threshold = Math.max(MIN_BURST_EVENTS, BURST_FACTOR * baseline);
            int found = 0;
            for (int bucket = 0; bucket < buckets && found < MAX_BURSTS_PER_PATTERN; bucket++) {
                if (counts[bucket] < threshold) {
                    continue;
                }
                int end = bucket;
                int peak = counts[bucket];
                while (end + 1 < buckets && counts[end + 1] >= threshold) {
                    end++;
                    peak = Math.max(peak, counts[end]);
                }
                runs.add(new Run(pattern, bucket, end, Math.round(peak / baseline * 10) / 10.0));
                found++;
                bucket = end;
            }
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        Run[][] byPattern = new Run[patterns.size()][];
        for (Run run : runs) {
            Run[] existing = byPattern[run.pattern];
            byPattern[run.pattern] = existing == null ? new Run[]{run} : append(existing, run);
        }
        for (int i = 0; i < events.count(); i++) {
            Run[] candidates = byPattern[events.patterns()[i]];
            if (candidates == null) {
                continue;
            }
            int bucket = (int) ((events.times()[i] - start) / width);
            for (Run run : candidates) {
                if (bucket >= run.first && bucket <= run.last) {
                    run.start = Math.min(run.start, events.times()[i]);
                    run.end = Math.max(run.end, events.times()[i]);
                    run.files.set(events.files()[i]);
                }
            }
        }
        return runs.stream()
                .sorted(Comparator.comparingLong((Run run) -> run.start).thenComparing(run -> run.pattern))
                .limit(MAX_BURSTS)
                .map(run -> new Burst(patterns.get(run.pattern).id(), Instant.ofEpochMilli(run.start).toString(),
                        Instant.ofEpochMilli(run.end).toString(), run.factor, run.files.stream().boxed().toList()))
                .toList();
    }

    private static Run[] append(Run[] runs, Run run) {
        Run[] grown = Arrays.copyOf(runs, runs.length + 1);
        grown[runs.length] = run;
        return grown;
    }

    private static final class Run {
        final int pattern;
        final int first;
        final int last;
        final double factor;
        final BitSet files = new BitSet();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;

        Run(int pattern, int first, int last, double factor) {
            this.pattern = pattern;
            this.first = first;
            this.last = last;
            this.factor = factor;
        }
    }
}
