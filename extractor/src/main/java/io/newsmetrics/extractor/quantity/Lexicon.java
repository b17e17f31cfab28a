package io.newsmetrics.extractor.quantity;

import io.newsmetrics.model.Change;
import io.newsmetrics.model.Qualifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The word lists the recogniser reads, loaded once from the text resources beside this class
 * ({@code units.tsv}, {@code currencies.tsv}, {@code scales.tsv}, {@code qualifiers.tsv}, {@code changes.tsv},
 * {@code function-words.txt}). Immutable after construction.
 */
public final class Lexicon {
    /** A scale word and where it applies. */
    record Scale(double multiplier, String mode) {
    }

    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    static final Map<String, Integer> WEEKDAYS = Map.of("monday", 1, "tuesday", 2, "wednesday", 3,
            "thursday", 4, "friday", 5, "saturday", 6, "sunday", 7);

    final Map<String, String> units;
    final Map<String, String> currencies;
    final Map<String, Scale> scales;
    final Map<String, Qualifier> qualifiers;
    final Map<String, Change> changes;
    final Set<String> functionWords;
    final Set<String> gluedSuffixes;
    final int maxUnitWords;
    final int maxCurrencyWords;
    final int maxQualifierWords;
    /** The same phrases, looked up over token ranges. */
    final PhraseMap<String> unitPhrases;
    final PhraseMap<String> currencyPhrases;
    final PhraseMap<Qualifier> qualifierPhrases;
    /** Word classes of {@link #wordClasses(TextSpan)}: a function word. */
    public static final int FUNCTION = 1;
    /** A change word ("rose", "down"). */
    public static final int CHANGE = 1 << 1;
    /** A qualifier word ("nearly"). */
    public static final int QUALIFIER = 1 << 2;
    /** A month name or abbreviation. */
    public static final int MONTH = 1 << 3;
    /** A weekday name. */
    public static final int WEEKDAY = 1 << 4;

    /** The classes of every word of the lists, so that a word's classes take one lookup. */
    private final WordMap<Integer> wordClasses;
    /** The same words, looked up over spans of text without lowercasing them first. */
    private final WordMap<Boolean> functionWordMap;
    final WordMap<Change> changeMap;
    private final WordMap<Qualifier> qualifierMap;
    final WordMap<Scale> scaleMap;
    final WordMap<String> currencyMap;
    final WordMap<Boolean> unitFirstMap;
    final WordMap<Boolean> currencyFirstMap;
    private static final WordMap<Integer> MONTH_MAP = WordMap.of(MONTHS);
    /** First tokens of unit and currency phrases, to skip phrase lookups that cannot match. */
    final Set<String> unitFirst;
    final Set<String> currencyFirst;

    private Lexicon(Map<String, String> units, Map<String, String> currencies, Map<String, Scale> scales,
                    Map<String, Qualifier> qualifiers, Map<String, Change> changes, Set<String> functionWords) {
        this.units = Map.copyOf(units);
        this.currencies = Map.copyOf(currencies);
        this.scales = Map.copyOf(scales);
        this.qualifiers = Map.copyOf(qualifiers);
        this.changes = Map.copyOf(changes);
        this.functionWords = Set.copyOf(functionWords);
        this.functionWordMap = WordMap.setOf(functionWords);
        this.changeMap = WordMap.of(changes);
        this.qualifierMap = WordMap.of(qualifiers);
        Map<String, Integer> classes = new HashMap<>();
        functionWords.forEach(w -> classes.merge(w, FUNCTION, (a, b) -> a | b));
        changes.keySet().forEach(w -> classes.merge(w, CHANGE, (a, b) -> a | b));
        qualifiers.keySet().forEach(w -> classes.merge(w, QUALIFIER, (a, b) -> a | b));
        MONTHS.keySet().forEach(w -> classes.merge(w, MONTH, (a, b) -> a | b));
        WEEKDAYS.keySet().forEach(w -> classes.merge(w, WEEKDAY, (a, b) -> a | b));
        this.wordClasses = WordMap.of(classes);
        this.scaleMap = WordMap.of(scales);
        this.currencyMap = WordMap.of(currencies);
        this.unitPhrases = new PhraseMap<>(units);
        this.currencyPhrases = new PhraseMap<>(currencies);
        this.qualifierPhrases = new PhraseMap<>(qualifiers);
        Set<String> glued = new HashSet<>();
        for (String s : scales.keySet()) {
            glued.add(s);
        }
        for (String u : units.keySet()) {
            if (u.chars().allMatch(Character::isLetter)) {
                glued.add(u);
            }
        }
        for (String c : currencies.keySet()) {
            if (c.chars().allMatch(Character::isLetter) && (c.length() == 3 || !c.chars().allMatch(ch -> ch < 128))) {
                glued.add(c); // "200USD", "100元"
            }
        }
        glued.add("c"); // "1.5C"
        glued.add("f"); // "95F"
        this.gluedSuffixes = Set.copyOf(glued);
        this.maxUnitWords = maxWords(units.keySet());
        this.maxCurrencyWords = maxWords(currencies.keySet());
        this.maxQualifierWords = maxWords(qualifiers.keySet()) - 2;
        Tokenizer plain = new Tokenizer(Set.of());
        this.unitFirst = firstTokens(plain, units.keySet());
        this.currencyFirst = firstTokens(plain, currencies.keySet());
        this.unitFirstMap = WordMap.setOf(unitFirst);
        this.currencyFirstMap = WordMap.setOf(currencyFirst);
    }

    private static Set<String> firstTokens(Tokenizer tokenizer, Set<String> phrases) {
        Set<String> out = new HashSet<>();
        for (String p : phrases) {
            List<Token> t = tokenizer.tokenize(p);
            if (!t.isEmpty()) {
                out.add(t.get(0).lower());
            }
        }
        return Set.copyOf(out);
    }

    /** Loads the bundled lists; fails fast with the resource name when one is missing or malformed. */
    public static Lexicon load() {
        Map<String, String> units = new HashMap<>();
        read("units.tsv", (k, v) -> units.put(k, v));
        Map<String, String> currencies = new HashMap<>();
        read("currencies.tsv", (k, v) -> currencies.put(k, v));
        Map<String, Scale> scales = new HashMap<>();
        read("scales.tsv", (k, v) -> {
            String[] p = v.split("\t");
            scales.put(k, new Scale(Double.parseDouble(p[0]), p.length > 1 ? p[1] : "any"));
        });
        Map<String, Qualifier> qualifiers = new HashMap<>();
        read("qualifiers.tsv", (k, v) -> qualifiers.put(k, Qualifier.fromId(v)));
        Map<String, Change> changes = new HashMap<>();
        read("changes.tsv", (k, v) -> changes.put(k, Change.fromId(v)));
        Set<String> functionWords = new HashSet<>();
        read("function-words.txt", (k, v) -> functionWords.add(k));
        return new Lexicon(units, currencies, scales, qualifiers, changes, functionWords);
    }

    private static int maxWords(Set<String> phrases) {
        int max = 1;
        for (String p : phrases) {
            max = Math.max(max, p.split(" ").length);
        }
        return max + 2;
    }

    /** Reads {@code key<TAB>rest} lines; '#' starts a comment line. Keys are lowercased. */
    static void read(String name, BiConsumer<String, String> sink) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + Lexicon.class.getPackageName()
                        + "/" + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String key = (tab < 0 ? line : line.substring(0, tab)).strip().toLowerCase(Locale.ROOT);
                String rest = tab < 0 ? "" : line.substring(tab + 1).strip();
                try {
                    sink.accept(key, rest);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("bad line " + no + " in lexicon " + name + ": " + line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + name, e);
        }
    }

    /** Whether a lowercase word never names what a figure is about ("the", "reached", "according"). */
    public boolean isFunctionWord(String lower) {
        return functionWords.contains(lower);
    }

    /** Whether a lowercase word (or the last word of a phrase) qualifies a figure ("exceeded", "nearly"). */
    public boolean isQualifierWord(String lower) {
        return qualifiers.containsKey(lower);
    }

    /** Whether a lowercase word marks a change ("rose", "down"). */
    public boolean isChangeWord(String lower) {
        return changes.containsKey(lower);
    }

    /**
     * The classes ({@link #FUNCTION}, {@link #CHANGE}, {@link #QUALIFIER}, {@link #MONTH}, {@link #WEEKDAY}) of a
     * span's lowercase form, without making it; 0 for a word of none.
     */
    public int wordClasses(TextSpan w) {
        Integer c = wordClasses.get(w);
        return c == null ? 0 : c;
    }

    /** The map behind {@link #wordClasses(TextSpan)}, for lookups by token position. */
    WordMap<Integer> wordClassMap() {
        return wordClasses;
    }

    /** {@link #isFunctionWord(String)} of a span's lowercase form, without making it. */
    public boolean isFunctionWord(TextSpan w) {
        return functionWordMap.contains(w);
    }

    /** {@link #isQualifierWord(String)} of a span's lowercase form, without making it. */
    public boolean isQualifierWord(TextSpan w) {
        return qualifierMap.contains(w);
    }

    /** {@link #isChangeWord(String)} of a span's lowercase form, without making it. */
    public boolean isChangeWord(TextSpan w) {
        return changeMap.contains(w);
    }

    /** {@link #month(String)} of a span's lowercase form, without making it. */
    public static int month(TextSpan w) {
        Integer m = MONTH_MAP.get(w);
        return m == null ? 0 : m;
    }

    /** Whether a unit is a duration or an age: such figures describe time spans, not metrics. */
    public static boolean isDuration(String unit) {
        return unit != null && durationUnits().contains(unit);
    }

    /** The month number of a month name or abbreviation, or 0. */
    public static int month(String lower) {
        return MONTHS.getOrDefault(lower, 0);
    }

    private static final List<String> DURATIONS = List.of("second", "minute", "hour", "day", "week", "month", "year",
            "decade", "century", "age");

    static List<String> durationUnits() {
        return DURATIONS;
    }
}
