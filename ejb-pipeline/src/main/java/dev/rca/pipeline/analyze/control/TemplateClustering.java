package dev.rca.pipeline.analyze.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The second step of template mining: groups the distinct masked templates of an upload into patterns, after all of
 * them are known, so that the result does not depend on the order lines arrived in.
 *
 * <p>Templates are compared only with templates of the same token count and first token (its key only, for a
 * {@code key=value} token). Within such a group, each
 * token is weighed by how many distinct templates have it at its position. The tokens of one log statement share
 * the statement's weight, and its values weigh less, so a template's constant part is the set of its positions
 * whose weight is at least the weight most of its positions share (the idea of frequency-based parsers such as
 * Brain, simplified); the other positions are values. Templates with the same constant part form a pattern — except
 * that a position with only two values in it is read as two statements (e.g. {@code opened}/{@code closed}), and
 * splits the pattern, unless it follows a {@code key:} or {@code key=}. A large group where this leaves most templates
 * on their own (free text, random words) is grouped by the positions with few values instead. Last, values of several
 * words put back together the patterns that the equal token count kept apart ({@link #absorbLongValues},
 * {@link #mergeAlternatives}).
 */
public final class TemplateClustering {

    /** A position with at most this many values, none of them masked, splits its pattern instead of varying. */
    static final int MAX_ALTERNATIVES = 2;
    /** Templates a group needs before it may be found to have no structure ({@link #byCardinality}). */
    static final int MIN_UNSTRUCTURED_GROUP = 20;
    static final int MAX_CONSTANT_VALUES = 10;
    /** The most tokens one value may have when it is folded into a pattern ({@link #absorbLongValues}). */
    static final int MAX_VALUE_TOKENS = 12;
    /** The constant tokens a pattern needs before it takes longer values in ({@link #absorbLongValues}). */
    static final int MIN_CONSTANT_TOKENS = 2;
    /** Patterns that must differ in one place only before that place is read as a value ({@link #mergeAlternatives}). */
    static final int MIN_ALTERNATIVE_VALUES = 3;
    /** The constant tokens the patterns must share around their alternatives ({@link #mergeAlternatives}). */
    static final int MIN_ALTERNATIVE_CONSTANTS = 3;
    /** The most patterns of one first token compared pairwise ({@link #mergeAlternatives}). */
    static final int MAX_COMPARED_PATTERNS = 256;

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
            String[] split = tokens(templates.get(i));
            tokens.add(split);
            groups.computeIfAbsent(split.length + " " + groupToken(split[0]), key -> new ArrayList<>()).add(i);
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
        Result absorbed = absorbLongValues(patternOf, patterns);
        return mergeAlternatives(absorbed.patternOf(), absorbed.patterns());
    }

    /**
     * Alternatives in one place: patterns that are the same but for a run of up to {@link #MAX_VALUE_TOKENS} tokens
     * in one place ({@code Sent welcome email to <*>}, {@code Sent password reset email to <*>}) are one statement
     * when at least {@link #MIN_ALTERNATIVE_VALUES} of them share that place; two are read as two statements
     * ({@code cupsd startup succeeded}, {@code cupsd shutdown succeeded}), as in the first step. The shared part
     * holds the first token and {@link #MIN_ALTERNATIVE_CONSTANTS} tokens with a word or a key; each run is words
     * only or values only, or anything after a key ({@link #run}), and never an exception line. Pairs are compared
     * within a first token's patterns, up to {@link #MAX_COMPARED_PATTERNS} of them. Places are taken from the one
     * shared by the most patterns (then in text order), so the result depends only on the set of patterns.
     */
    private static Result mergeAlternatives(int[] patternOf, List<String[]> patterns) {
        Map<String, List<Integer>> byFirst = new LinkedHashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            byFirst.computeIfAbsent(patterns.get(i)[0], key -> new ArrayList<>()).add(i);
        }
        Map<Place, TreeSet<Integer>> places = new HashMap<>();
        for (List<Integer> bucket : byFirst.values()) {
            if (bucket.size() < MIN_ALTERNATIVE_VALUES || bucket.size() > MAX_COMPARED_PATTERNS) {
                continue;
            }
            for (int a = 0; a < bucket.size(); a++) {
                for (int b = a + 1; b < bucket.size(); b++) {
                    Place place = sharedPlace(patterns.get(bucket.get(a)), patterns.get(bucket.get(b)));
                    if (place != null) {
                        TreeSet<Integer> members = places.computeIfAbsent(place,
                                key -> new TreeSet<>());
                        members.add(bucket.get(a));
                        members.add(bucket.get(b));
                    }
                }
            }
        }
        List<Map.Entry<Place, TreeSet<Integer>>> ordered = new ArrayList<>(places.entrySet());
        ordered.sort(Comparator.<Map.Entry<Place, TreeSet<Integer>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(e -> e.getKey().text()));
        int[] into = new int[patterns.size()];
        Arrays.fill(into, -1);
        List<String[]> merged = new ArrayList<>();
        for (Map.Entry<Place, TreeSet<Integer>> place : ordered) {
            List<Integer> free = place.getValue().stream().filter(i -> into[i] < 0).toList();
            if (free.size() < MIN_ALTERNATIVE_VALUES) {
                continue;
            }
            int prefix = place.getKey().prefix();
            int suffix = place.getKey().suffix();
            String[] first = patterns.get(free.get(0));
            String[] tokens = new String[prefix + 1 + suffix];
            System.arraycopy(first, 0, tokens, 0, prefix);
            System.arraycopy(first, first.length - suffix, tokens, prefix + 1, suffix);
            String start = first[prefix];
            String end = first[first.length - suffix - 1];
            for (int member : free) {
                String[] alternative = patterns.get(member);
                start = commonPrefix(start, alternative[prefix]);
                end = commonSuffix(end, alternative[alternative.length - suffix - 1]);
                into[member] = merged.size();
            }
            tokens[prefix] = punctuation(start, true) + TokenMasker.WILDCARD + punctuation(end, false);
            merged.add(tokens);
        }
        // A merged pattern may read like one that was already there: the two are one pattern (one id).
        int[] renumbered = new int[patterns.size()];
        List<String[]> kept = new ArrayList<>();
        Map<String, Integer> byText = new HashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            String[] tokens = into[i] < 0 ? patterns.get(i) : merged.get(into[i]);
            renumbered[i] = byText.computeIfAbsent(String.join(" ", tokens), text -> {
                kept.add(tokens);
                return kept.size() - 1;
            });
        }
        int[] result = new int[patternOf.length];
        for (int template = 0; template < patternOf.length; template++) {
            result[template] = renumbered[patternOf[template]];
        }
        return new Result(result, kept);
    }

    /**
     * Where patterns differ in one run of tokens: the number of tokens they share before and after it, and those
     * tokens as text ({@code "<prefix> \u0001 <suffix>"}), which also orders places of the same size.
     */
    private record Place(int prefix, int suffix, String text) {
    }

    /** The place two patterns share when they differ only in a run there that may be a value; null otherwise. */
    private static Place sharedPlace(String[] a, String[] b) {
        int prefix = 0;
        int shorter = Math.min(a.length, b.length);
        while (prefix < shorter && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        if (prefix == 0) {
            return null;
        }
        // after a key (a token ending in ':' or '=', or a shared 'key=' in the run's first token), the run is one
        // value even with values in it ("from <*>: read tcp <*>: i/o timeout"); elsewhere it must be words only
        String before = a[prefix - 1];
        boolean keyed = before.endsWith(":") || before.endsWith("=")
                || prefix < a.length && prefix < b.length && sharedKey(a[prefix], b[prefix]);
        if (!run(a, prefix, a.length - suffix, keyed) || !run(b, prefix, b.length - suffix, keyed)) {
            return null;
        }
        int constants = 0;
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < prefix; i++) {
            constants += worded(a[i]) ? 1 : 0;
            key.append(a[i]).append(' ');
        }
        key.append('\u0001');
        for (int i = a.length - suffix; i < a.length; i++) {
            constants += worded(a[i]) ? 1 : 0;
            key.append(' ').append(a[i]);
        }
        return constants >= MIN_ALTERNATIVE_CONSTANTS ? new Place(prefix, suffix, key.toString()) : null;
    }

    /**
     * True when tokens {@code from} (inclusive) to {@code to} are 1 to MAX_VALUE_TOKENS tokens of the first line:
     * words, or values only, or anything when {@code keyed}.
     */
    private static boolean run(String[] tokens, int from, int to, boolean keyed) {
        if (to - from < 1 || to - from > MAX_VALUE_TOKENS) {
            return false;
        }
        int values = 0;
        for (int i = from; i < to; i++) {
            if (tokens[i].equals(LogAnalyzer.EXCEPTION_SEPARATOR)) {
                return false;
            }
            values += tokens[i].contains(TokenMasker.WILDCARD) ? 1 : 0;
        }
        // values alone are one value of several shapes (<*>, <*>s, <*>ms)
        return keyed || values == 0 || values == to - from;
    }

    /** Two tokens that start with the same {@code key=}. */
    private static boolean sharedKey(String a, String b) {
        int value = LineParser.valueStart(a, 0);
        return value > 0 && b.startsWith(a.substring(0, value));
    }

    /**
     * Values of several words ({@code outdoor & camping}, {@code shutdown immediate}) give a statement's lines more
     * tokens, so the first step finds them apart from the statement's pattern. A pattern {@code Q} is folded into a
     * shorter pattern {@code P} when {@code P} has a value at some position after its first token and {@code Q} is
     * {@code P} with up to {@link #MAX_VALUE_TOKENS} tokens in that value's place (where {@code P} has other values
     * {@code Q} may have anything). {@code P} needs {@link #MIN_CONSTANT_TOKENS} constant tokens, so that a short
     * pattern such as {@code Connection <*>} does not swallow other statements; plain words next to a value in the
     * value's place ({@code invalid user <*>}) are a statement's own text, while a structured value
     * ({@code {'sent': <*>}}) is taken; the tokens of an exception line never stand in for a value of the first
     * line. A shorter pattern that is {@code P} without a value (an empty one) is folded into {@code P} too. Patterns
     * are visited from the shortest, each folded into the first pattern (in text order) that takes it, so the result
     * depends only on the set of patterns.
     */
    private static Result absorbLongValues(int[] patternOf, List<String[]> patterns) {
        List<Integer> order = new ArrayList<>(patterns.size());
        List<String> texts = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            order.add(i);
            texts.add(String.join(" ", patterns.get(i)));
        }
        order.sort(Comparator.<Integer>comparingInt(i -> patterns.get(i).length).thenComparing(texts::get));
        int[] into = new int[patterns.size()];
        Map<String, List<Integer>> takers = new HashMap<>();
        for (int q : order) {
            into[q] = q;
            String[] longer = patterns.get(q);
            List<Integer> bucket = takers.computeIfAbsent(longer[0], key -> new ArrayList<>());
            for (int p : bucket) {
                if (absorbs(patterns.get(p), longer)) {
                    into[q] = p;
                    break;
                }
            }
            if (into[q] == q && constants(longer) >= MIN_CONSTANT_TOKENS) {
                // an empty value: the shorter pattern is this one without it ("Column <*> =" and "Column <*> = <*>")
                for (int i = 0; i < bucket.size(); i++) {
                    if (lacksValue(patterns.get(bucket.get(i)), longer)) {
                        into[bucket.remove(i--)] = q;
                    }
                }
                bucket.add(q);
            }
        }
        int[] renumbered = new int[patterns.size()];
        List<String[]> kept = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (into[i] == i) {
                renumbered[i] = kept.size();
                kept.add(patterns.get(i));
            }
        }
        int[] result = new int[patternOf.length];
        for (int template = 0; template < patternOf.length; template++) {
            int pattern = patternOf[template];
            while (into[pattern] != pattern) {
                pattern = into[pattern];
            }
            result[template] = renumbered[pattern];
        }
        return new Result(result, kept);
    }

    /** True when {@code shorter} is {@code longer} without one of its values (that value was empty). */
    private static boolean lacksValue(String[] shorter, String[] longer) {
        if (longer.length != shorter.length + 1) {
            return false;
        }
        for (int slot = 1; slot < longer.length; slot++) {
            if (longer[slot].equals(TokenMasker.WILDCARD)) {
                boolean same = true;
                for (int i = 0; i < shorter.length && same; i++) {
                    same = fits(longer[i < slot ? i : i + 1], shorter[i]);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code longer} is {@code shorter} with several tokens in the place of one of its values. */
    private static boolean absorbs(String[] shorter, String[] longer) {
        int extra = longer.length - shorter.length;
        if (extra < 1 || extra >= MAX_VALUE_TOKENS) {
            return false;
        }
        for (int slot = 1; slot < shorter.length; slot++) {
            if (shorter[slot].equals(TokenMasker.WILDCARD) && matches(shorter, longer, slot, extra)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] shorter, String[] longer, int slot, int extra) {
        for (int i = 0; i < shorter.length; i++) {
            if (i == slot) {
                boolean value = false;
                boolean word = false;
                for (int j = slot; j <= slot + extra; j++) {
                    if (longer[j].equals(LogAnalyzer.EXCEPTION_SEPARATOR)) {
                        return false;
                    }
                    value |= longer[j].contains(TokenMasker.WILDCARD);
                    word |= isWord(longer[j]);
                }
                if (value && word) {
                    return false;
                }
                continue;
            }
            if (!fits(shorter[i], longer[i < slot ? i : i + extra])) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code token} is {@code general} or one of its values: a token of a pattern with a value in it
     * ({@code groupId=<*>]}) takes any token with the same text around the value ({@code groupId=shop-audit]}).
     */
    static boolean fits(String general, String token) {
        if (token.equals(general)) {
            return true;
        }
        int wildcard = general.indexOf(TokenMasker.WILDCARD);
        if (wildcard < 0 || token.equals(LogAnalyzer.EXCEPTION_SEPARATOR)) {
            return false;
        }
        String before = general.substring(0, wildcard);
        String after = general.substring(wildcard + TokenMasker.WILDCARD.length());
        return token.length() >= before.length() + after.length() && token.startsWith(before)
                && token.endsWith(after);
    }

    /** A token with a letter outside its value: a word or a key of the statement ({@code user=<*>}). */
    private static boolean worded(String token) {
        int wildcard = token.indexOf(TokenMasker.WILDCARD);
        for (int i = 0; i < token.length(); i++) {
            if (wildcard >= 0 && i == wildcard) {
                i += TokenMasker.WILDCARD.length() - 1;
            } else if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A token of letters only: a word of the statement's text. */
    private static boolean isWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return !token.isEmpty();
    }

    private static int constants(String[] tokens) {
        int constants = 0;
        for (String token : tokens) {
            if (!token.contains(TokenMasker.WILDCARD) && !token.equals(LogAnalyzer.EXCEPTION_SEPARATOR)) {
                constants++;
            }
        }
        return constants;
    }

    /**
     * A template's tokens: split at spaces, except that a quoted text of up to {@link #MAX_VALUE_TOKENS} tokens
     * ({@code 'kids bike <*> inch'}, {@code name="Café Crème Tasse"}) is one token, so that a quoted value of several
     * words varies in one position like any other value.
     */
    static String[] tokens(String template) {
        String[] split = template.split(" ", -1);
        List<String> tokens = null;
        for (int i = 0; i < split.length; i++) {
            int close = closingToken(split, i);
            if (close > i && tokens == null) {
                tokens = new ArrayList<>(List.of(split).subList(0, i));
            }
            if (tokens != null) {
                tokens.add(close > i ? String.join(" ", List.of(split).subList(i, close + 1)) : split[i]);
            }
            i = Math.max(i, close);
        }
        return tokens == null ? split : tokens.toArray(String[]::new);
    }

    /** The token that closes a quote opened, and not closed, by token {@code open}; -1 when there is none. */
    private static int closingToken(String[] split, int open) {
        String token = split[open];
        int value = LineParser.valueStart(token, 0);
        int at = value > 0 ? value : 0;
        if (at >= token.length() || token.charAt(at) != '"' && token.charAt(at) != '\'') {
            return -1;
        }
        char quote = token.charAt(at);
        if (token.indexOf(quote, at + 1) > 0) {
            return -1;
        }
        for (int i = open + 1; i < split.length && i <= open + MAX_VALUE_TOKENS; i++) {
            String next = split[i];
            if (next.equals(LogAnalyzer.EXCEPTION_SEPARATOR) || next.indexOf(quote) >= 0 && !closes(next, quote)) {
                return -1;
            }
            if (closes(next, quote)) {
                return i;
            }
        }
        return -1;
    }

    /** A token that ends a quote: the quote is its last character but for punctuation ({@code inch'}, {@code x",}). */
    private static boolean closes(String token, char quote) {
        int end = token.length();
        while (end > 0 && ",.;:)]}".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && token.charAt(end - 1) == quote && token.indexOf(quote) == end - 1;
    }

    /**
     * What of a template's first token its group is named by: the token, or only the key of a {@code key=value}
     * token ({@code scrape_pool=}), whose value may vary like any other.
     */
    static String groupToken(String first) {
        int value = LineParser.valueStart(first, 0);
        return value > 0 ? first.substring(0, value) : first;
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
                boolean allValues = true;
                for (int member : members) {
                    String token = tokens.get(member)[position];
                    masked |= token.equals(TokenMasker.WILDCARD);
                    allValues &= token.contains(TokenMasker.WILDCARD);
                    byValue.computeIfAbsent(token, k -> new ArrayList<>()).add(member);
                }
                masked |= allValues; // values of two shapes (<*>ms, <*>s) are values, not two statements
                if (!masked && byValue.size() > 1 && byValue.size() <= MAX_ALTERNATIVES
                        && !afterSeparator(members, tokens, position)) {
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
     * True when every member has a token ending in {@code :} or {@code =} before the position: what follows a
     * {@code key:} or {@code key =} is a value even when only two of them occur ({@code opt-in: True},
     * {@code allDrawn= false}), unlike two words inside a sentence ({@code cupsd startup succeeded}).
     */
    private static boolean afterSeparator(List<Integer> members, List<String[]> tokens, int position) {
        if (position == 0) {
            return false;
        }
        for (int member : members) {
            String previous = tokens.get(member)[position - 1];
            if (previous.isEmpty() || ":=".indexOf(previous.charAt(previous.length() - 1)) < 0) {
                return false;
            }
        }
        return true;
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
     * of {@code alice}/{@code alibaba} is part of the value, and {@code <*>} itself never appears twice: a shared
     * part holding a value is cut at it.
     */
    private static String punctuation(String part, boolean prefix) {
        int wildcard = prefix ? part.indexOf(TokenMasker.WILDCARD) : part.lastIndexOf(TokenMasker.WILDCARD);
        if (wildcard >= 0) {
            // what the members share before their first value (after their last): duration=<*>s and
            // duration=<*>ms are duration=<*>
            part = prefix ? part.substring(0, wildcard) : part.substring(wildcard + TokenMasker.WILDCARD.length());
        }
        if (prefix) {
            int equals = part.lastIndexOf('=');
            int end = 0;
            while (end < part.length() && !Character.isLetterOrDigit(part.charAt(end))) {
                end++;
            }
            if (equals >= end) {
                // the key, and the quote or bracket its values open with: pod="<*>"
                end = equals + 1;
                while (end < part.length() && !Character.isLetterOrDigit(part.charAt(end))) {
                    end++;
                }
            }
            return part.substring(0, end);
        }
        int start = part.length();
        while (start > 0 && !Character.isLetterOrDigit(part.charAt(start - 1))) {
            start--;
        }
        return part.substring(start);
    }
}
