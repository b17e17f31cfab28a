package io.newsmetrics.extractor.fact;

import io.newsmetrics.extractor.quantity.WordMap;
import io.newsmetrics.model.MetricEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a label ("China's internet user base") into a canonical indicator id ({@code internet-users}) through
 * the synonym resource {@code indicators.tsv}; labels it does not know become the kebab form of their last
 * content words, plurals folded. A segment word right before the matched phrase ({@code segments.txt}:
 * "rural", "mobile", "wind"...) and an age band after it ("aged 60") stay in the id, so that a segment never
 * aggregates under the key of the whole.
 */
final class IndicatorNamer {
    private static final String RESOURCE = "indicators.tsv";
    private static final String SEGMENTS = "segments.txt";
    private static final int MAX_SEGMENT_WORDS = 2;
    private static final List<String> OLDER = List.of("above", "over", "older", "plu");
    private static final int FALLBACK_WORDS = 4;

    /** Marks a key of {@link #beginnings} that only begins longer phrases. */
    private static final String NO_ID = "";

    /**
     * Every phrase and every run of its first words ("internet", "internet user"), mapped to the phrase's id or
     * {@link #NO_ID}: a run of label words that begins no phrase ends the search from its first word.
     */
    private final WordMap<String> beginnings;
    private final java.util.Set<String> segments;
    private final int maxWords;

    private IndicatorNamer(Map<String, String> phrases, java.util.Set<String> segments) {
        this.segments = java.util.Set.copyOf(segments);
        int max = 1;
        Map<String, String> begin = new HashMap<>();
        for (String p : phrases.keySet()) {
            max = Math.max(max, p.split(" ").length);
            for (int sp = p.indexOf(' '); sp >= 0; sp = p.indexOf(' ', sp + 1)) {
                begin.putIfAbsent(p.substring(0, sp), NO_ID);
            }
        }
        begin.putAll(phrases);
        this.beginnings = WordMap.of(begin); // asked with the phrase being built, not a String of it
        this.maxWords = max;
    }

    static IndicatorNamer load() {
        Map<String, String> phrases = new HashMap<>();
        try (InputStream in = IndicatorNamer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + IndicatorNamer.class.getPackageName() + "/" + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                String id = line.substring(0, tab).strip();
                for (String p : line.substring(tab + 1).split("\\|")) {
                    phrases.put(String.join(" ", normalise(p)), id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new IndicatorNamer(phrases, loadSegments());
    }

    private static java.util.Set<String> loadSegments() {
        java.util.Set<String> words = new java.util.HashSet<>();
        try (InputStream in = IndicatorNamer.class.getResourceAsStream(SEGMENTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + IndicatorNamer.class.getPackageName() + "/" + SEGMENTS);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(singular(l.toLowerCase(Locale.ROOT))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEGMENTS, e);
        }
        return words;
    }

    /** Lowercase words with plurals folded; words are runs of letters, digits, '&' and '-'. */
    static List<String> normalise(String phrase) {
        List<String> out = new ArrayList<>();
        int n = phrase.length();
        int i = 0;
        while (i < n) {
            while (i < n && !wordChar(phrase.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && wordChar(phrase.charAt(j))) {
                j++;
            }
            if (j > i) {
                String w = phrase.substring(i, j).toLowerCase(Locale.ROOT);
                if (!w.equals("s")) {
                    out.add(singular(w));
                }
            }
            i = j;
        }
        return out;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&' || c == '-';
    }

    static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The canonical id for a label; {@code fallback} names it when the label is empty. */
    String indicatorOf(String label, String fallback) {
        List<String> words = normalise(label == null ? "" : label);
        String best = null;
        int bestLen = 0;
        int bestPos = -1;
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            phrase.setLength(0);
            for (int len = 1; len <= Math.min(maxWords, words.size() - i); len++) {
                if (len > 1) {
                    phrase.append(' ');
                }
                phrase.append(words.get(i + len - 1));
                String id = beginnings.get(phrase, 0, phrase.length(), false);
                if (id == null) {
                    break; // no phrase begins with these words, so none of the longer runs is one
                }
                if (id != NO_ID && (len > bestLen || len == bestLen && i > bestPos)) {
                    best = id;
                    bestLen = len;
                    bestPos = i;
                }
            }
        }
        if (best != null) {
            return withSegments(best, words, bestPos, bestPos + bestLen);
        }
        if (words.isEmpty()) {
            String k = MetricEvent.kebab(fallback == null ? "value" : fallback);
            return k.isEmpty() ? "value" : k;
        }
        String k = MetricEvent.kebab(String.join(" ", words.subList(Math.max(0, words.size() - FALLBACK_WORDS),
                words.size())));
        return k.isEmpty() ? "value" : k;
    }

    /** The id with the segment words right before the phrase and an age band ("aged 60 and above") after it. */
    private String withSegments(String id, List<String> words, int from, int to) {
        StringBuilder prefix = new StringBuilder();
        for (int i = from - 1; i >= 0 && from - i <= MAX_SEGMENT_WORDS && segments.contains(words.get(i)); i--) {
            prefix.insert(0, words.get(i) + "-");
        }
        String suffix = "";
        if (to + 1 < words.size() && words.get(to).equals("aged") && words.get(to + 1).matches("\\d{1,3}")) {
            suffix = "-aged-" + words.get(to + 1);
            List<String> after = words.subList(to + 2, Math.min(words.size(), to + 4));
            if (after.stream().anyMatch(w -> OLDER.contains(w))) {
                suffix += "-plus";
            }
        }
        return prefix.length() == 0 && suffix.isEmpty() ? id : MetricEvent.kebab(prefix + id + suffix);
    }
}
