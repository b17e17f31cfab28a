package io.newsmetrics.extractor.quantity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads numbers written in words over tokens: "thirty million", "one hundred and five", "twenty-five",
 * "a dozen", "three dozens", "a quarter", "one and a half", "three quarters", "five eighths", "a hundredth",
 * "two hundred point zero three", "nought point five".
 */
final class WrittenNumbers {
    /** A parsed number: its value and the index just past its last token. */
    record Parsed(double value, int end) {
    }

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("nought", 0), Map.entry("naught", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

    private static final Map<String, Double> BIG = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
            "trillion", 1e12, "lakh", 1e5, "crore", 1e7);

    private static final Set<String> DOZENS = Set.of("dozen", "dozens", "dzs", "dozs", "doz");
    /** The same words, looked up over tokens without making their lowercase form. */
    private static final WordMap<Boolean> DOZEN_MAP = WordMap.setOf(DOZENS);
    private static final WordMap<Double> BIG_MAP = WordMap.of(BIG);
    private static final WordMap<Integer> SMALL_MAP = WordMap.of(SMALL);
    /** Words that make a preceding "a half", "a third" a fraction ("a third of", "a half percent"). */
    private static final WordMap<Boolean> FRACTION_FOLLOWERS = WordMap.setOf(List.of("of", "percent", "point", "points",
            "million", "billion", "trillion", "century", "mile", "hour", "cent", "percentage", "is", "and", "or"));

    /** Denominators written as ordinals ("fifth", "hundredths"); "second" is time, never a half. */
    private static final Map<String, Double> DENOMINATORS;
    private static final WordMap<Double> DENOMINATOR_MAP;

    static {
        Map<String, Double> d = new HashMap<>();
        String[][] ordinals = {{"half", "2"}, {"third", "3"}, {"quarter", "4"}, {"fourth", "4"}, {"fifth", "5"},
            {"sixth", "6"}, {"seventh", "7"}, {"eighth", "8"}, {"ninth", "9"}, {"tenth", "10"}, {"eleventh", "11"},
            {"twelfth", "12"}, {"thirteenth", "13"}, {"fourteenth", "14"}, {"fifteenth", "15"}, {"sixteenth", "16"},
            {"seventeenth", "17"}, {"eighteenth", "18"}, {"nineteenth", "19"}, {"twentieth", "20"},
            {"thirtieth", "30"}, {"fortieth", "40"}, {"fiftieth", "50"}, {"sixtieth", "60"}, {"seventieth", "70"},
            {"eightieth", "80"}, {"ninetieth", "90"}, {"hundredth", "100"}, {"thousandth", "1000"},
            {"millionth", "1e6"}, {"billionth", "1e9"}, {"trillionth", "1e12"}};
        for (String[] o : ordinals) {
            d.put(o[0], Double.parseDouble(o[1]));
            d.put(o[0].equals("half") ? "halves" : o[0] + "s", Double.parseDouble(o[1]));
        }
        DENOMINATORS = Map.copyOf(d);
        DENOMINATOR_MAP = WordMap.of(DENOMINATORS);
    }

    /** Unit ordinals that close a compound denominator: "twenty-first", "twenty-fifths". */
    private static final Map<String, Integer> UNIT_ORDINALS = Map.ofEntries(Map.entry("first", 1),
            Map.entry("firsts", 1), Map.entry("second", 2), Map.entry("seconds", 2), Map.entry("third", 3),
            Map.entry("thirds", 3), Map.entry("fourth", 4), Map.entry("fourths", 4), Map.entry("fifth", 5),
            Map.entry("fifths", 5), Map.entry("sixth", 6), Map.entry("sixths", 6), Map.entry("seventh", 7),
            Map.entry("sevenths", 7), Map.entry("eighth", 8), Map.entry("eighths", 8), Map.entry("ninth", 9),
            Map.entry("ninths", 9));

    /** Words before a bare "half" that make it a number: "more than half", "about half". */
    private static final Set<String> HALF_CUES = Set.of("than", "about", "nearly", "almost", "roughly", "around",
            "over", "under", "some", "just", "only", "by", "to", "exactly", "approximately");

    private WrittenNumbers() {
    }

    static boolean isNumberWord(String lower) {
        return SMALL.containsKey(lower) || DOZENS.contains(lower) || lower.equals("hundred") || BIG.containsKey(lower);
    }

    /** Every word that may begin a written number. */
    static Set<String> startWords() {
        Set<String> s = new HashSet<>(SMALL.keySet());
        s.addAll(List.of("a", "an", "half", "negative"));
        return s;
    }

    static boolean startsNumber(String lower) {
        return SMALL.containsKey(lower) || lower.equals("a") || lower.equals("an") || lower.equals("half");
    }

    /** Parses a written number starting at token {@code i}, or returns null. */
    static Parsed parse(TokenList t, int i) {
        int n = t.size();
        if (i >= n || !t.isWord(i)) {
            return null;
        }
        Token first = t.get(i);
        if (first.is("half")) {
            // "half a dozen"; a bare "half" only after "more than", "about" and the like
            if (i + 2 < n && t.is(i + 1, "a") && DOZENS.contains(t.get(i + 2).lower())) {
                return new Parsed(6, i + 3);
            }
            if (i + 2 < n && t.is(i + 1, "a") && BIG.containsKey(t.get(i + 2).lower())) {
                return new Parsed(0.5 * BIG.get(t.get(i + 2).lower()), i + 3); // "half a million"
            }
            boolean cue = i > 0 && HALF_CUES.contains(t.get(i - 1).lower());
            return cue ? new Parsed(0.5, i + 1) : null;
        }
        int j = i;
        double total = 0;
        double current = 0;
        boolean any = false;
        boolean article = false;
        if (first.is("a") || first.is("an")) {
            if (j + 1 >= n || !t.isWord(j + 1)) {
                return null;
            }
            Token next = t.get(j + 1);
            if (next.is("hundred") || DOZEN_MAP.contains(next) || BIG_MAP.contains(next)) {
                current = 1;
                j++;
                article = true;
            } else {
                Fraction f = denominator(t, j + 1);
                if (f != null && !f.plural && !ordinalContext(t, f.end - 1) && fractionFollows(t, f.end)) {
                    return new Parsed(1.0 / f.value, f.end);
                }
                return null;
            }
        }
        int last = -1;
        while (j < n) {
            Token tok = t.get(j);
            if (!tok.isWord()) {
                if (tok.isSymbol('-') && any && last == j - 1) {
                    Fraction f = denominator(t, j + 1);
                    if (f != null && (f.plural || total + current == 1)) {
                        return new Parsed((total + current) / f.value, f.end); // "one-eighth", "five - eighths"
                    }
                }
                // "twenty-five": a hyphen glued on both sides between tens and units
                if (tok.isSymbol('-') && any && j + 1 < n && t.isWord(j + 1)
                        && (tok.glued() && t.glued(j + 1) || !tok.glued() && t.spaceBefore(j + 1))
                        && SMALL.containsKey(t.get(j + 1).lower())
                        && SMALL.get(t.get(j + 1).lower()) < 10 && current % 100 >= 20 && current % 10 == 0) {
                    j++;
                    continue;
                }
                break;
            }
            String w = tok.lower();
            Integer small = SMALL.get(w);
            if (small != null && any && last == j - 1 && small >= 20) {
                Fraction f = denominator(t, j);
                if (f != null && (f.plural || total + current == 1)) {
                    return new Parsed((total + current) / f.value, f.end); // "one twenty-fifth"
                }
            }
            if (small != null) {
                if (any && current % 100 != 0 && (small >= 10 || current % 10 != 0)) {
                    break; // "five six" is two numbers
                }
                if (any && small == 0) {
                    break;
                }
                current += small;
                any = true;
                last = j++;
            } else if (w.equals("hundred") && (any || article)) {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
                last = j++;
            } else if (BIG.containsKey(w) && (any || article) && current == 0 && total > 0 && last == j - 1) {
                total *= BIG.get(w); // "three lakh crore"
                last = j++;
            } else if (BIG.containsKey(w) && (any || article)) {
                total += (current == 0 ? 1 : current) * BIG.get(w);
                current = 0;
                any = true;
                last = j++;
            } else if (DOZENS.contains(w) && (any || article)) {
                // "three hundred and two dozens" is 300 + 2 x 12; "a hundred dozen" is 1,200
                double group = current % 100;
                current = current == 0 ? 12 : group == 0 ? current * 12 : current - group + group * 12;
                any = true;
                last = j++;
                break;
            } else if (w.equals("point") && any && j + 1 < n && t.isWord(j + 1)
                    && SMALL.containsKey(t.get(j + 1).lower())) {
                // "two hundred point zero three", "point seventy-one"
                StringBuilder digits = new StringBuilder();
                int k = j + 1;
                while (k < n && t.isWord(k) && SMALL.containsKey(t.get(k).lower())) {
                    int d = SMALL.get(t.get(k).lower());
                    if (d >= 20 && k + 2 < n && t.isSymbol(k + 1, '-') && t.isWord(k + 2)
                            && SMALL.containsKey(t.get(k + 2).lower()) && SMALL.get(t.get(k + 2).lower()) < 10) {
                        d += SMALL.get(t.get(k + 2).lower());
                        k += 2;
                    }
                    digits.append(d);
                    k++;
                }
                double v = total + current + Double.parseDouble("0." + digits);
                return new Parsed(v, k);
            } else if (w.equals("and") && any && j + 1 < n) {
                String next = t.get(j + 1).lower();
                if ((next.equals("a") || next.equals("an")) && j + 2 < n) {
                    Fraction f = denominator(t, j + 2);
                    if (f != null && !f.plural) {
                        return new Parsed(total + current + 1.0 / f.value, f.end); // "one and a half"
                    }
                    break;
                }
                if (SMALL.containsKey(next)) {
                    // "and three fifths": a fraction after a whole number ("and thirty fifths" divides it all)
                    Parsed frac = SMALL.get(next) >= 20 ? null : simpleFraction(t, j + 1);
                    if (frac != null) {
                        return new Parsed(total + current + frac.value, frac.end);
                    }
                    if ((current >= 100 || total > 0) && current % 100 == 0) {
                        j++;
                        continue;
                    }
                }
                break;
            } else if (any && last == j - 1) {
                Fraction f = denominator(t, j);
                // plural denominators take any numerator ("three fifths"); singular ones only one ("one eighth")
                if (f != null && (f.plural || f.value != 2 && total + current == 1)) {
                    return new Parsed((total + current) / f.value, f.end); // "three fifths", "one eighth"
                }
                break;
            } else {
                break;
            }
        }
        if (!any || last < 0) {
            return null;
        }
        return new Parsed(total + current, last + 1);
    }

    /** "three fifths" at {@code i}: a small cardinal and a denominator, or null. */
    private static Parsed simpleFraction(TokenList t, int i) {
        if (i + 1 >= t.size() || !SMALL.containsKey(t.get(i).lower())) {
            return null;
        }
        int num = SMALL.get(t.get(i).lower());
        Fraction f = denominator(t, i + 1);
        if (f == null || num == 0) {
            return null;
        }
        return new Parsed(num / f.value, f.end);
    }

    private record Fraction(double value, boolean plural, int end) {
    }

    /** A denominator at {@code i}: "fifth", "quarters", "hundredth", "twenty-first", "twenty fifths". */
    private static Fraction denominator(TokenList t, int i) {
        int n = t.size();
        if (i >= n || !t.isWord(i)) {
            return null;
        }
        if (!DENOMINATOR_MAP.contains(t.get(i)) && !SMALL_MAP.contains(t.get(i))) {
            return null; // most words are neither: their lowercase form is not made
        }
        String w = t.get(i).lower();
        Double d = DENOMINATORS.get(w);
        if (d != null) {
            return new Fraction(d, w.endsWith("s"), i + 1);
        }
        Integer tens = SMALL.get(w);
        if (tens != null && tens >= 20 && tens % 10 == 0) {
            int k = i + 1;
            if (k < n && t.isSymbol(k, '-')) {
                k++;
            }
            if (k < n && t.isWord(k) && UNIT_ORDINALS.containsKey(t.get(k).lower())) {
                String u = t.get(k).lower();
                return new Fraction(tens + UNIT_ORDINALS.get(u), u.endsWith("s"), k + 1);
            }
        }
        return null;
    }

    /** "a quarter of", "a quarter-point", "a half.": a fraction; "a third undisclosed buyer" is an ordinal. */
    private static boolean fractionFollows(TokenList t, int k) {
        if (k >= t.size()) {
            return true;
        }
        Token n = t.get(k);
        return n.kind() == Token.Kind.SYMBOL || FRACTION_FOLLOWERS.contains(n);
    }

    /** "a third quarter", "a half-year": an ordinal use, not a fraction. */
    private static boolean ordinalContext(TokenList t, int fraction) {
        int k = fraction + 1;
        return k < t.size() && t.isWord(k) && (t.is(k, "quarter") || t.is(k, "term"));
    }
}
