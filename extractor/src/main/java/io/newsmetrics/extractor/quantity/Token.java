package io.newsmetrics.extractor.quantity;

/**
 * A token of text: a word, a number or a single symbol, with its offsets. It points into the source text and
 * builds its {@link #text()} and {@link #lower()} strings only when asked: most tokens of an article lie far from
 * any figure and are only ever compared, which {@link #is} and {@link WordSet} do in place.
 */
final class Token extends TextSpan {

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

    private final Kind kind;
    private final double number;
    private final boolean spaceBefore;

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
        super(source, start, end, folds);
        this.kind = kind;
        this.number = number;
        this.spaceBefore = spaceBefore;
    }

    Kind kind() {
        return kind;
    }

    /** The value of a {@link Kind#NUMBER}, else NaN. */
    double number() {
        return number;
    }

    /** Whether whitespace separates it from the previous token. */
    boolean spaceBefore() {
        return spaceBefore;
    }

    /** Whether {@link #lower()} equals {@code lowerText}, compared in place for ASCII text. */
    boolean is(String lowerText) {
        return lowerIs(lowerText);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && source().charAt(start()) == c;
    }

    /** Glued to the previous token (no whitespace between). */
    boolean glued() {
        return !spaceBefore;
    }

    boolean capitalized() {
        return kind != Kind.SYMBOL && length() > 0 && Character.isUpperCase(source().charAt(start()));
    }

    /** Whether the number was written with a decimal point. */
    boolean hasDecimals() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        for (int i = start(); i < end(); i++) {
            if (source().charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return kind + " " + text() + " [" + start() + "," + end() + ")";
    }
}
