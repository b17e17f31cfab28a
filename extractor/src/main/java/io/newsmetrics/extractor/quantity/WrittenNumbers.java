package io.newsmetrics.extractor.quantity;

import java.util.List;
import java.util.Map;

/**
 * Reads numbers written in words over tokens: "thirty million", "one hundred and five", "twenty-five",
 * "a dozen", "a quarter", "one and a half", "three quarters".
 */
final class WrittenNumbers {
    /** A parsed number: its value and the index just past its last token. */
    record Parsed(double value, int end) {
    }

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

    private static final Map<String, Double> BIG = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
            "trillion", 1e12, "lakh", 1e5, "crore", 1e7);

    private static final Map<String, Double> FRACTIONS = Map.ofEntries(
            Map.entry("half", 2.0), Map.entry("halves", 2.0), Map.entry("third", 3.0), Map.entry("thirds", 3.0),
            Map.entry("quarter", 4.0), Map.entry("quarters", 4.0), Map.entry("fourth", 4.0),
            Map.entry("fourths", 4.0), Map.entry("fifth", 5.0), Map.entry("fifths", 5.0),
            Map.entry("sixth", 6.0), Map.entry("eighth", 8.0), Map.entry("eighths", 8.0),
            Map.entry("tenth", 10.0), Map.entry("tenths", 10.0));

    private WrittenNumbers() {
    }

    static boolean isNumberWord(String lower) {
        return SMALL.containsKey(lower) || lower.equals("dozen") || lower.equals("hundred") || BIG.containsKey(lower);
    }

    static boolean startsNumber(String lower) {
        return SMALL.containsKey(lower) || lower.equals("a") || lower.equals("an") || lower.equals("dozen")
                || lower.equals("half");
    }

    /** Parses a written number starting at token {@code i}, or returns null. */
    static Parsed parse(List<Token> t, int i) {
        int n = t.size();
        if (i >= n || !t.get(i).isWord()) {
            return null;
        }
        String first = t.get(i).lower();
        int j = i;
        double total = 0;
        double current = 0;
        boolean any = false;
        boolean article = false;
        if (first.equals("a") || first.equals("an")) {
            if (j + 1 >= n || !t.get(j + 1).isWord()) {
                return null;
            }
            String next = t.get(j + 1).lower();
            if (next.equals("hundred") || next.equals("dozen") || BIG.containsKey(next)) {
                current = 1;
                j++;
                article = true;
            } else if (FRACTIONS.containsKey(next) && !next.endsWith("s") && !next.equals("fourth")
                    && !ordinalContext(t, j + 1) && fractionFollows(t, j + 2)) {
                return new Parsed(1.0 / FRACTIONS.get(next), j + 2);
            } else {
                return null;
            }
        }
        int last = -1;
        while (j < n) {
            Token tok = t.get(j);
            if (!tok.isWord()) {
                // "twenty-five": a hyphen glued on both sides between tens and units
                if (tok.isSymbol('-') && any && tok.glued() && j + 1 < n && t.get(j + 1).glued()
                        && t.get(j + 1).isWord() && SMALL.containsKey(t.get(j + 1).lower())
                        && SMALL.get(t.get(j + 1).lower()) < 10 && current % 100 >= 20 && current % 10 == 0) {
                    j++;
                    continue;
                }
                break;
            }
            String w = tok.lower();
            Integer small = SMALL.get(w);
            if (small != null) {
                if (any && current % 100 != 0 && (small >= 10 || current % 10 != 0)) {
                    break; // "five six" is two numbers
                }
                current += small;
                any = true;
                last = j++;
            } else if (w.equals("hundred") && (any || article)) {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
                last = j++;
            } else if (BIG.containsKey(w) && (any || article)) {
                total += (current == 0 ? 1 : current) * BIG.get(w);
                current = 0;
                any = true;
                last = j++;
            } else if (w.equals("dozen") && (any || article)) {
                current = (current == 0 ? 1 : current) * 12;
                any = true;
                last = j++;
            } else if (w.equals("and") && any && j + 1 < n) {
                String next = t.get(j + 1).lower();
                if ((next.equals("a") || next.equals("an")) && j + 2 < n && t.get(j + 2).is("half")) {
                    current += 0.5;
                    last = j + 2;
                    j += 3;
                    break;
                }
                if (SMALL.containsKey(next) && (current >= 100 || total > 0) && current % 100 == 0) {
                    j++;
                    continue;
                }
                break;
            } else if (FRACTIONS.containsKey(w) && any && total == 0 && current > 0 && current < 20
                    && last == j - 1 && !w.equals("fourth") && !w.equals("fifth") && !w.equals("sixth")
                    && !w.equals("eighth") && !w.equals("tenth") && !w.equals("third")
                    && !w.equals("half") && !w.equals("quarter")) {
                current = current / FRACTIONS.get(w);
                last = j++;
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

    /** "a quarter of", "a quarter-point", "a half.": a fraction; "a third undisclosed buyer" is an ordinal. */
    private static boolean fractionFollows(List<Token> t, int k) {
        if (k >= t.size()) {
            return true;
        }
        Token n = t.get(k);
        return n.is("of") || n.kind() == Token.Kind.SYMBOL || n.is("percent") || n.is("point") || n.is("points")
                || n.is("million") || n.is("billion") || n.is("trillion") || n.is("century") || n.is("mile")
                || n.is("hour") || n.is("cent") || n.is("percentage");
    }

    /** "a third quarter", "a half-year": an ordinal use, not a fraction. */
    private static boolean ordinalContext(List<Token> t, int fraction) {
        int k = fraction + 1;
        return k < t.size() && t.get(k).isWord() && (t.get(k).is("quarter") || t.get(k).is("term"));
    }
}
