package io.newsmetrics.extractor.quantity;

import java.util.Locale;

/**
 * A token of text: a word, a number or a single symbol, with its offsets. It points into the source text and
 * builds its {@link #text()} and {@link #lower()} strings only when asked: most tokens of an article lie far from
 * any figure and are only ever compared, which {@link #is} and {@link WordSet} do in place.
 */
final class Token {

    enum Kind {
        /** Letters only. */
        WORD,
        /** Letters mixed with digits ("A350", "CLc1", "5G"): names and codes, never figures. */
        CODE,
        /** Digits with optional grouping and decimals. */
        NUMBER,
        /** Any other single character. */
        SYMBOL
    }

    private final String source;
    private final Kind kind;
    private final int start;
    private final int end;
    private final double number;
    private final boolean spaceBefore;
    /** Whether {@link #lower()} is the lowercase form (words, lettered codes) or the text as written. */
    private final boolean folds;
    private String text;
    private String lower;

    /**
     * @param source      the text the token was read from
     * @param kind        what it is
     * @param start       offset of the first character
     * @param end         offset just past the last character
     * @param folds       whether the lookup form is lowercased; numbers, symbols and dotted codes keep their case
     * @param number      the value of a {@link Kind#NUMBER}, else NaN
     * @param spaceBefore whether whitespace separates it from the previous token
     */
    Token(String source, Kind kind, int start, int end, boolean folds, double number, boolean spaceBefore) {
        this.source = source;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.folds = folds;
        this.number = number;
        this.spaceBefore = spaceBefore;
    }

    Kind kind() {
        return kind;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The value of a {@link Kind#NUMBER}, else NaN. */
    double number() {
        return number;
    }

    /** Whether whitespace separates it from the previous token. */
    boolean spaceBefore() {
        return spaceBefore;
    }

    /** Whether {@link #lower()} is lowercased (words, lettered codes) rather than the text as written. */
    boolean folds() {
        return folds;
    }

    String source() {
        return source;
    }

    /** Number of characters as written. */
    int length() {
        return end - start;
    }

    /** The characters as written. */
    String text() {
        if (text == null) {
            text = source.substring(start, end);
        }
        return text;
    }

    /** The lookup form: lowercase for words and lettered codes, else the text as written. */
    String lower() {
        if (lower == null) {
            lower = folds ? text().toLowerCase(Locale.ROOT) : text();
        }
        return lower;
    }

    /** Whether {@link #lower()} equals {@code lowerText}, compared in place for ASCII text. */
    boolean is(String lowerText) {
        if (lower != null) {
            return lower.equals(lowerText);
        }
        int n = end - start;
        if (n != lowerText.length()) {
            // lowercasing never shortens, and lengthens only 'İ' (it gains a combining dot)
            return n < lowerText.length() && !isAscii() && lower().equals(lowerText);
        }
        for (int i = 0; i < n; i++) {
            char c = source.charAt(start + i);
            if (c >= 128) {
                return lower().equals(lowerText); // full Unicode case mapping
            }
            if (folds && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerText.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && source.charAt(start) == c;
    }

    /** Glued to the previous token (no whitespace between). */
    boolean glued() {
        return !spaceBefore;
    }

    boolean capitalized() {
        return kind != Kind.SYMBOL && end > start && Character.isUpperCase(source.charAt(start));
    }

    /** Whether the number was written with a decimal point. */
    boolean hasDecimals() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (source.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    private boolean isAscii() {
        for (int i = start; i < end; i++) {
            if (source.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kind + " " + text() + " [" + start + "," + end + ")";
    }
}
