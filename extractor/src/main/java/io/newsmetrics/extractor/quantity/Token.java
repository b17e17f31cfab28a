package io.newsmetrics.extractor.quantity;

/**
 * A token of text: a word, a number or a single symbol, with its offsets.
 *
 * @param kind        what it is
 * @param start       offset of the first character
 * @param end         offset just past the last character
 * @param text        the characters as written
 * @param lower       lowercase form
 * @param number      the value of a {@link Kind#NUMBER}, else NaN
 * @param spaceBefore whether whitespace separates it from the previous token
 */
record Token(Kind kind, int start, int end, String text, String lower, double number, boolean spaceBefore) {

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

    boolean is(String lowerText) {
        return lower.equals(lowerText);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && text.charAt(0) == c;
    }

    /** Glued to the previous token (no whitespace between). */
    boolean glued() {
        return !spaceBefore;
    }

    boolean capitalized() {
        return kind != Kind.SYMBOL && !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** Whether the number was written with a decimal point. */
    boolean hasDecimals() {
        return kind == Kind.NUMBER && text.indexOf('.') >= 0;
    }
}
