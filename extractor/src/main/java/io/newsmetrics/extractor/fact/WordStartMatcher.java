package io.newsmetrics.extractor.fact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a pattern that can only begin at the start of one of a few words, found as
 * {@link Matcher#find()} finds them but tried only there. A {@code (?i)} alternation of phrases tried at every
 * position of a sentence by {@code find()} cost more than all the other time patterns together; a scan for word
 * starts is a fraction of that.
 *
 * <p>The pattern must match only text that begins at a word boundary with one of {@code firstWords} (ASCII,
 * matched case-insensitively) followed by a character that is no ASCII letter. Positions inside a run of ASCII
 * letters or digits, and runs that are none of these words, cannot begin such a match and are skipped; every other
 * position is left to the pattern itself, with transparent bounds so that its boundaries see the whole text.
 * A first word may also name the words that can follow it after one whitespace char or hyphen ("the" only before
 * "previous"): the most common words of English begin such phrases, and are then mostly ruled out by the next.
 */
final class WordStartMatcher {
    private final Pattern pattern;
    /** The first words by length: most runs of letters are ruled out by a length or a first char. */
    private final String[][] byLength;
    /** Bit {@code c - 'a'} is set when a first word begins with the letter c. */
    private final int firstLetters;
    /** For each of {@link #byLength}, the words that may follow it, or an empty array for any. */
    private final String[][][] followers;

    WordStartMatcher(Pattern pattern, Set<String> firstWords) {
        this(pattern, firstWords, Map.of());
    }

    /**
     * @param firstWords the words a match can begin with
     * @param next       for some of them, the words one of which follows after exactly one {@code \s} char or
     *                   hyphen in every match (matched case-insensitively as a prefix of what follows)
     */
    WordStartMatcher(Pattern pattern, Set<String> firstWords, Map<String, List<String>> next) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (!firstWords.containsAll(next.keySet())) {
            throw new IllegalArgumentException("followers of words that begin no match: " + next.keySet());
        }
        int max = 0;
        for (String w : firstWords) {
            if (w.isEmpty() || !w.equals(w.toLowerCase(Locale.ROOT))
                    || !w.chars().allMatch(WordStartMatcher::isAsciiLetter)) {
                throw new IllegalArgumentException("first words must be lowercase ASCII letters: " + w);
            }
            max = Math.max(max, w.length());
        }
        int letters = 0;
        for (String w : firstWords) {
            letters |= 1 << (w.charAt(0) - 'a');
        }
        this.firstLetters = letters;
        this.byLength = new String[max + 1][];
        this.followers = new String[max + 1][][];
        for (int len = 0; len <= max; len++) {
            int l = len;
            byLength[len] = firstWords.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
            followers[len] = new String[byLength[len].length][];
            for (int k = 0; k < byLength[len].length; k++) {
                followers[len][k] = next.getOrDefault(byLength[len][k], List.of()).toArray(String[]::new);
            }
        }
    }

    /**
     * The next match at or after {@code from}, as the returned matcher's state, or null when there is none.
     * {@code reuse} is the matcher returned by the previous call on the same text, or null.
     */
    Matcher next(String s, int from, Matcher reuse) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isAsciiLetter(s.charAt(j))) {
                j++;
            }
            boolean boundary = i == 0 || !isAsciiWordChar(s.charAt(i - 1));
            if (boundary && (firstLetters & (1 << ((c | 0x20) - 'a'))) != 0 && mayBegin(s, i, j)) {
                Matcher m = reuse != null ? reuse : pattern.matcher(s).useTransparentBounds(true);
                m.region(i, n);
                if (m.lookingAt()) {
                    return m;
                }
                reuse = m;
            }
            i = j;
        }
        return null;
    }

    /** Whether the run of ASCII letters [start, end) is a first word, followed as that word requires. */
    private boolean mayBegin(String s, int start, int end) {
        int len = end - start;
        if (len >= byLength.length) {
            return false;
        }
        String[] words = byLength[len];
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            int k = 0;
            while (k < len && (s.charAt(start + k) | 0x20) == word.charAt(k)) { // ASCII letters only here
                k++;
            }
            if (k == len) {
                return followedBy(s, end, followers[len][w]);
            }
        }
        return false;
    }

    /**
     * Whether one {@code \s} char or hyphen and one of {@code next} follow at {@code at}; true when {@code next} is
     * empty.
     */
    private static boolean followedBy(String s, int at, String[] next) {
        if (next.length == 0) {
            return true;
        }
        if (at >= s.length() || !(isRegexSpace(s.charAt(at)) || s.charAt(at) == '-')) {
            return false;
        }
        for (String w : next) {
            if (s.regionMatches(true, at + 1, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} of a pattern without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(int c) {
        return c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** A character that is a word character to {@code \b} under any definition. */
    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }
}
