package dev.rca.pipeline.analyze.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second step of template mining: groups the distinct masked templates of an upload into patterns, after all of
 * them are known, so that the result does not depend on the order lines arrived in.
 *
 * <p>Templates are compared only with templates of the same token count and first token. Within such a group, each
 * token is weighed by how many distinct templates have it at its position. The tokens of one log statement share
 * the statement's weight, and its values weigh less, so a template's constant part is the set of its positions
 * whose weight is at least the weight most of its positions share (the idea of frequency-based parsers such as
 * Brain, simplified); the other positions are values. Templates with the same constant part form a pattern — except
 * that a position with only two values in it is read as two statements (e.g. {@code opened}/{@code closed}), and
 * splits the pattern. A large group where this leaves most templates on their own (free text, random words) is
 * grouped by the positions with few values instead.
 */
public final class TemplateClustering {

    /** A position with at most this many values, none of them masked, splits its pattern instead of varying. */
    static final int MAX_ALTERNATIVES = 2;
    /** Templates a group needs before it may be found to have no structure ({@link #byCardinality}). */
    static final int MIN_UNSTRUCTURED_GROUP = 20;
    static final int MAX_CONSTANT_VALUES = 10;

    private TemplateClustering() {
    }

    /** The patterns found: each template's pattern, and each pattern's tokens. */
    public record Result(int[] patternOf, List<String[]> patterns) {
    }

    public static Result cluster(List<String> templates) {
        int[] patternOf = new int[templates.size()];
        List<String[]> patterns = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<String[]> tokens = new ArrayList<>(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            String[] split = templates.get(i).split(" ", -1);
            tokens.add(split);
            groups.computeIfAbsent(split.length + " " + split[0], key -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() == 1) {
                patternOf[group.get(0)] = patterns.size();
                patterns.add(tokens.get(group.get(0)));
                continue;
            }
            for (List<Integer> members : split(group, tokens)) {
                int pattern = patterns.size();
                for (int member : members) {
                    patternOf[member] = pattern;
                }
                patterns.add(common(members, tokens));
            }
        }
        return new Result(patternOf, patterns);
    }

    private static List<List<Integer>> split(List<Integer> group, List<String[]> tokens) {
        int width = tokens.get(group.get(0)).length;
        List<Map<String, Integer>> weights = new ArrayList<>(width);
        for (int position = 0; position < width; position++) {
            Map<String, Integer> weight = new HashMap<>();
            for (int member : group) {
                weight.merge(tokens.get(member)[position], 1, Integer::sum);
            }
            weights.add(weight);
        }
        Map<String, List<Integer>> byConstants = new LinkedHashMap<>();
        for (int member : group) {
            String[] template = tokens.get(member);
            int[] weight = new int[width];
            for (int position = 0; position < width; position++) {
                weight[position] = weights.get(position).get(template[position]);
            }
            int level = sharedWeight(weight);
            StringBuilder key = new StringBuilder();
            for (int position = 0; position < width; position++) {
                key.append(weight[position] >= level ? template[position] : TokenMasker.WILDCARD).append(' ');
            }
            byConstants.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(member);
        }
        if (group.size() >= MIN_UNSTRUCTURED_GROUP && byConstants.size() * 2 > group.size()) {
            return byCardinality(group, tokens, weights);
        }
        List<List<Integer>> result = new ArrayList<>();
        for (List<Integer> members : byConstants.values()) {
            splitAlternatives(members, tokens, width, 0, result);
        }
        return result;
    }

    /**
     * A large group in which the weights leave most templates alone has no statement structure to find (free
     * text, random words): there, every position with more than {@link #MAX_CONSTANT_VALUES} values is a value.
     */
    private static List<List<Integer>> byCardinality(List<Integer> group, List<String[]> tokens,
                                                     List<Map<String, Integer>> weights) {
        int width = weights.size();
        boolean[] variable = new boolean[width];
        for (int position = 0; position < width; position++) {
            variable[position] = weights.get(position).size() > MAX_CONSTANT_VALUES
                    || weights.get(position).containsKey(TokenMasker.WILDCARD);
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int member : group) {
            String[] template = tokens.get(member);
            StringBuilder key = new StringBuilder();
            for (int position = 0; position < width; position++) {
                key.append(variable[position] ? TokenMasker.WILDCARD : template[position]).append(' ');
            }
            byKey.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(member);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The weight shared by the most positions (the larger one on a tie). */
    private static int sharedWeight(int[] weight) {
        int[] sorted = weight.clone();
        Arrays.sort(sorted);
        int best = sorted[sorted.length - 1];
        int bestRun = 0;
        int run = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            run = i < sorted.length - 1 && sorted[i] == sorted[i + 1] ? run + 1 : 1;
            if (run > bestRun) {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }

    /** Splits members by every position, from {@code from} on, that holds two alternatives rather than values. */
    private static void splitAlternatives(List<Integer> members, List<String[]> tokens, int width, int from,
                                          List<List<Integer>> result) {
        if (members.size() > 1) {
            for (int position = from; position < width; position++) {
                Map<String, List<Integer>> byValue = new LinkedHashMap<>();
                boolean masked = false;
                for (int member : members) {
                    String token = tokens.get(member)[position];
                    masked |= token.equals(TokenMasker.WILDCARD);
                    byValue.computeIfAbsent(token, k -> new ArrayList<>()).add(member);
                }
                if (!masked && byValue.size() > 1 && byValue.size() <= MAX_ALTERNATIVES) {
                    for (List<Integer> part : byValue.values()) {
                        splitAlternatives(part, tokens, width, position + 1, result);
                    }
                    return;
                }
            }
        }
        result.add(members);
    }

    /**
     * The members' common template: a position where they differ is a value, keeping the punctuation all of them
     * put around it ({@code '<*>'}, {@code (<*>)}, {@code user=<*>}).
     */
    private static String[] common(List<Integer> members, List<String[]> tokens) {
        String[] first = tokens.get(members.get(0));
        String[] common = first.clone();
        for (int position = 0; position < common.length; position++) {
            String prefix = first[position];
            String suffix = first[position];
            boolean differs = false;
            for (int member : members) {
                String token = tokens.get(member)[position];
                if (!token.equals(first[position])) {
                    differs = true;
                    prefix = commonPrefix(prefix, token);
                    suffix = commonSuffix(suffix, token);
                }
            }
            if (differs) {
                prefix = punctuation(prefix, true);
                suffix = punctuation(suffix, false);
                common[position] = prefix + TokenMasker.WILDCARD + suffix;
            }
        }
        return common;
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }

    private static String commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return a.substring(a.length() - n);
    }

    /**
     * What of a common prefix (or suffix) is punctuation or a {@code key=}: a shared word start such as {@code ali}
     * of {@code alice}/{@code alibaba} is part of the value, and {@code <*>} itself never appears twice.
     */
    private static String punctuation(String part, boolean prefix) {
        if (part.contains(TokenMasker.WILDCARD)) {
            return "";
        }
        if (prefix) {
            int equals = part.lastIndexOf('=');
            int end = 0;
            while (end < part.length() && !Character.isLetterOrDigit(part.charAt(end))) {
                end++;
            }
            return equals >= end ? part.substring(0, equals + 1) : part.substring(0, end);
        }
        int start = part.length();
        while (start > 0 && !Character.isLetterOrDigit(part.charAt(start - 1))) {
            start--;
        }
        return part.substring(start);
    }
}
