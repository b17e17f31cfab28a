package io.newsmetrics.extractor.fact;

import io.newsmetrics.extractor.quantity.TextSpan;
import io.newsmetrics.extractor.quantity.WordMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits article text into sentences with offsets; also knows paragraph breaks. Linear, no regex. */
final class Sentences {
    /**
     * A sentence: [start, end) in the text, and the index of its paragraph. Its text is cut from the source only
     * when asked for: most sentences hold no figure and are never read as strings.
     */
    static final class Sentence extends TextSpan {
        private final int paragraph;

        Sentence(String source, int start, int end, int paragraph) {
            super(source, start, end, false);
            this.paragraph = paragraph;
        }

        int paragraph() {
            return paragraph;
        }

        @Override
        public String toString() {
            return "[" + start() + "," + end() + ") paragraph " + paragraph;
        }
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs",
            "no", "nos", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "jr", "sr", "mt", "ft", "approx", "est",
            "dept", "univ", "fig", "al", "etc", "e.g", "i.e");
    private static final WordMap<Boolean> ABBREVIATION_MAP = WordMap.setOf(ABBREVIATIONS);

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int paragraph = 0;
        int i = 0;
        // only line breaks and '.', '!', '?' can end a sentence: the scan jumps from one to the next with
        // String.indexOf, which reads the chars between far faster than a loop over them
        Breaks breaks = new Breaks(text);
        while ((i = breaks.next(i)) < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(text, start, i, paragraph, out);
                int j = i;
                int newlines = 0;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    if (text.charAt(j) == '\n') {
                        newlines++;
                    }
                    j++;
                }
                if (newlines >= 1) {
                    paragraph++; // every line break starts a paragraph: parsed articles put one per line
                }
                start = j;
                i = j;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && isBoundary(text, i)) {
                int end = i + 1;
                while (end < n && (text.charAt(end) == '"' || text.charAt(end) == '”' || text.charAt(end) == '’'
                        || text.charAt(end) == ')')) {
                    end++;
                }
                add(text, start, end, paragraph, out);
                start = end;
                i = end;
                continue;
            }
            i++;
        }
        add(text, start, n, paragraph, out);
        return out;
    }

    /** The positions of the chars that may end a sentence, each kind found by its own indexOf. */
    private static final class Breaks {
        private static final char[] CHARS = {'\n', '.', '!', '?'};
        private final String text;
        /** The next position of each of {@link #CHARS} found so far, MAX_VALUE when there is none. */
        private final int[] at = new int[CHARS.length];

        Breaks(String text) {
            this.text = text;
            java.util.Arrays.fill(at, -1);
        }

        /** The first position at or after {@code from} that holds one of the chars, or MAX_VALUE. */
        int next(int from) {
            int min = Integer.MAX_VALUE;
            for (int k = 0; k < CHARS.length; k++) {
                if (at[k] < from) {
                    int p = text.indexOf(CHARS[k], from);
                    at[k] = p < 0 ? Integer.MAX_VALUE : p;
                }
                min = Math.min(min, at[k]);
            }
            return min;
        }
    }

    private static boolean isBoundary(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && (text.charAt(j) == '"' || text.charAt(j) == '”' || text.charAt(j) == '’' || text.charAt(j) == ')')) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        boolean space = Character.isWhitespace(text.charAt(j));
        while (j < n && Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '\n') {
            j++;
        }
        if (j >= n || text.charAt(j) == '\n') {
            return true;
        }
        char next = text.charAt(j);
        if (text.charAt(i) != '.') {
            return space && (Character.isUpperCase(next) || next == '"' || next == '“');
        }
        if (space ? !(Character.isUpperCase(next) || next == '"' || next == '“') : !Character.isUpperCase(next)) {
            return false; // what the word before the dot is cannot make a boundary here ("3.5", "e.g. the")
        }
        // the word before the dot: abbreviations and initials do not end sentences
        int w = i;
        boolean ascii = true;
        boolean dotted = false;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
            ascii &= text.charAt(w) < 128;
            dotted |= text.charAt(w) == '.';
        }
        // its lowercase form is made only beyond ASCII, where lowercasing may lengthen it
        String word = ascii ? null : text.substring(w, i).toLowerCase(Locale.ROOT);
        int length = ascii ? i - w : word.length();
        boolean abbreviation = ascii ? ABBREVIATION_MAP.contains(text, w, i, true) : ABBREVIATIONS.contains(word);
        if (abbreviation || (length == 1 && Character.isUpperCase(text.charAt(w))) || dotted) {
            // "U.S. The" stays one sentence only when what follows is clearly not a new sentence
            if (!(dotted && space && Character.isUpperCase(next) && length > 3)) {
                return false;
            }
        }
        if (space) {
            return Character.isUpperCase(next) || next == '"' || next == '“';
        }
        // "Center.The": a missing space after a lowercase word
        return Character.isUpperCase(next) && i > 0 && Character.isLowerCase(text.charAt(i - 1))
                && length > 2 && j + 1 < n && Character.isLowerCase(text.charAt(j + 1));
    }

    private static void add(String text, int start, int end, int paragraph, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(text, start, end, paragraph));
        }
    }
}
