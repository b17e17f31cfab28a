package io.newsmetrics.extractor.quantity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phrases of the lexicon ("more than", "barrels per day", "Hong Kong dollars") looked up over token ranges. The
 * recogniser asks for every range of up to a few tokens around each figure, longest first, and nearly all are
 * absent: a range whose first token begins no phrase, whose last token ends none, or whose text is longer than
 * every phrase is ruled out before its key string is built. The answer is always that of the map asked with
 * {@link QuantityRecognizer#key}.
 *
 * @param <V> the value type
 */
final class PhraseMap<V> {
    private final Map<String, V> phrases;
    private final WordMap<V> single;
    private final WordMap<Boolean> beginnings;
    private final WordMap<Boolean> endings;
    private final int maxChars;

    PhraseMap(Map<String, V> phrases) {
        this.phrases = Map.copyOf(phrases);
        this.single = WordMap.of(phrases);
        Set<String> begin = new HashSet<>();
        Set<String> end = new HashSet<>();
        int max = 0;
        for (String p : phrases.keySet()) {
            for (int i = 1; i <= p.length(); i++) {
                begin.add(p.substring(0, i));
                end.add(p.substring(p.length() - i));
            }
            max = Math.max(max, p.length());
        }
        this.beginnings = WordMap.setOf(begin);
        this.endings = WordMap.setOf(end);
        this.maxChars = max;
    }

    /** The value of the phrase over tokens [from, to), or null. */
    V get(List<Token> t, int from, int to) {
        if (to - from == 1) {
            return single.get(t.get(from));
        }
        // the key starts with the first token's lookup form, ends with the last one's, and is no shorter than the
        // tokens as written (lowercasing never shortens)
        if (!endings.contains(t.get(to - 1)) || !beginnings.contains(t.get(from))) {
            return null;
        }
        int chars = 0;
        for (int k = from; k < to; k++) {
            chars += t.get(k).length() + (k > from && t.get(k).spaceBefore() ? 1 : 0);
        }
        if (chars > maxChars) {
            return null;
        }
        return phrases.get(QuantityRecognizer.key(t, from, to));
    }
}
