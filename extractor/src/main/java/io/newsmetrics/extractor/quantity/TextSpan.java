package io.newsmetrics.extractor.quantity;

import java.util.Locale;

/**
 * A stretch {@code [start, end)} of a source text that cuts its strings only when asked: most tokens, words and
 * sentences of an article lie far from any figure and are never read as strings. The base of the extractor's
 * tokens, words and sentences.
 */
public abstract class TextSpan {
    private final String source;
    private final int start;
    private final int end;
    /** Whether {@link #lower()} is the lowercase form (words, lettered codes) or the text as written. */
    private final boolean folds;
    private String text;
    private String lower;

    /**
     * @param source the text the span was read from
     * @param start  offset of the first character
     * @param end    offset just past the last character
     * @param folds  whether the lookup form is lowercased; numbers, symbols and dotted codes keep their case
     */
    protected TextSpan(String source, int start, int end, boolean folds) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.folds = folds;
    }

    public final String source() {
        return source;
    }

    public final int start() {
        return start;
    }

    public final int end() {
        return end;
    }

    /** Number of characters as written. */
    public final int length() {
        return end - start;
    }

    /** Whether {@link #lower()} is lowercased rather than the text as written. */
    public final boolean folds() {
        return folds;
    }

    /** The characters as written. */
    public final String text() {
        if (text == null) {
            text = source.substring(start, end);
        }
        return text;
    }

    /** The lookup form: lowercase when the span {@link #folds()}, else the text as written. */
    public final String lower() {
        if (lower == null) {
            lower = folds ? text().toLowerCase(Locale.ROOT) : text();
        }
        return lower;
    }

    /** Whether {@link #lower()} equals {@code lowerText}, compared in place for ASCII text. */
    public final boolean lowerIs(String lowerText) {
        if (lower != null) {
            return lower.equals(lowerText);
        }
        Boolean ascii = asciiLowerIs(source, start, end, folds, lowerText);
        return ascii != null ? ascii : lower().equals(lowerText);
    }

    /**
     * Whether the lookup form of {@code source[start, end)} equals {@code lowerText}, decided in place when that
     * needs only ASCII chars; null when a char beyond ASCII needs the full Unicode case mapping ('İ' lengthens to
     * two chars), which the caller then applies.
     */
    static Boolean asciiLowerIs(String source, int start, int end, boolean folds, String lowerText) {
        int n = end - start;
        int target = lowerText.length();
        if (n > target) {
            return false; // lowercasing never shortens
        }
        // ASCII chars lowercase one to one, so a mismatch among the leading ASCII chars decides
        for (int i = 0; i < n; i++) {
            char c = source.charAt(start + i);
            if (c >= 128) {
                return null;
            }
            if (folds && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerText.charAt(i)) {
                return false;
            }
        }
        return n == target; // all ASCII: the lowercase form is as long as the text
    }
}
