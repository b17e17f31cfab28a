package io.newsmetrics.launcher.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scrapinghub article-extraction benchmark's metric, as {@code shared/tools/score_aeb.py} computes it:
 * word tokens (letters, digits, underscore), 4-gram shingles counted with multiplicity, precision and
 * recall per page, averaged over pages.
 */
public final class ShingleScore {
    private static final int N = 4;

    private final List<Double> precisions = new ArrayList<>();
    private final List<Double> recalls = new ArrayList<>();
    private int pages;
    private int exact;

    /** Adds one page: its true body and the extracted text (empty when nothing was extracted). */
    public void add(String truth, String predicted) {
        List<String> t = tokens(truth);
        List<String> p = tokens(predicted);
        Map<List<String>, Integer> ts = shingles(t);
        Map<List<String>, Integer> ps = shingles(p);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Map<List<String>, Integer> all = new HashMap<>(ts);
        ps.forEach((k, v) -> all.merge(k, 0, (a, b) -> a));
        for (List<String> k : all.keySet()) {
            int tc = ts.getOrDefault(k, 0);
            int pc = ps.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        double precision;
        double recall;
        if (fp == 0 && fn == 0) {
            precision = recall = 1.0;
        } else {
            precision = tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
            recall = tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }
        if (tp + fp > 0) {
            precisions.add(precision);
        }
        if (tp + fn > 0) {
            recalls.add(recall);
        }
        pages++;
        if (t.equals(p)) {
            exact++;
        }
    }

    public double precision() {
        return precisions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public double recall() {
        return recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return pages == 0 ? 0 : (double) exact / pages;
    }

    public int pages() {
        return pages;
    }

    /** Runs of letters, digits and underscores, as the benchmark tokenizes. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '_' || isWordChar(cp)) {
                cur.appendCodePoint(cp);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        });
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static Map<List<String>, Integer> shingles(List<String> toks) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (toks.size() < N) {
            if (!toks.isEmpty()) {
                out.put(List.copyOf(toks), 1);
            }
            return out;
        }
        for (int i = 0; i + N <= toks.size(); i++) {
            out.merge(List.copyOf(toks.subList(i, i + N)), 1, Integer::sum);
        }
        return out;
    }
}
