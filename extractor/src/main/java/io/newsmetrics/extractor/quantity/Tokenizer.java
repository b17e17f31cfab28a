package io.newsmetrics.extractor.quantity;

import java.util.Set;

/**
 * Splits text into words, codes, numbers and symbols in one linear pass (no regular expressions, so no
 * backtracking on hostile input). A number glued to a known suffix ("1.5bn", "100k", "10%", "3GW") is split
 * into the number and the suffix; glued to other letters it is a {@link Token.Kind#CODE} ("5G", "787x").
 */
final class Tokenizer {
    /** Numbers with more digits than this are identifiers or garbage, not figures. */
    static final int MAX_DIGITS = 24;

    private final WordMap<Boolean> gluedSuffixes;

    Tokenizer(Set<String> gluedSuffixes) {
        this.gluedSuffixes = WordMap.setOf(gluedSuffixes);
    }

    TokenList tokenize(String text) {
        TokenList out = new TokenList(text, Math.max(16, text.length() / 4)); // news text: 5 chars a token
        int n = text.length();
        int i = 0;
        boolean space = true;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                i++;
                continue;
            }
            if (isDigit(c) || c == '.' && space && i + 1 < n && isDigit(text.charAt(i + 1))) {
                i = number(text, i, space, out); // ".08" too
            } else if (isLetter(c)) {
                i = word(text, i, space, out);
            } else {
                int len = Character.charCount(text.codePointAt(i));
                out.add(Token.Kind.SYMBOL, i, i + len, false, Double.NaN, space);
                i += len;
            }
            space = false;
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ASCII first: the Character tables cost more than the scan itself on English text

    /** Whitespace, a space separator or a control character. */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c <= ' ' || c == 127;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    static boolean isLetter(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return Character.isLetter(c);
    }

    /** A letter or a combining mark, which belongs to the word it follows (a decomposed "ü"). */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private int word(String text, int start, boolean space, TokenList out) {
        int n = text.length();
        int i = start;
        boolean digits = false;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i++;
            } else if (isDigit(c)) {
                digits = true;
                i++;
            } else {
                break;
            }
        }
        out.add(digits ? Token.Kind.CODE : Token.Kind.WORD, start, i, true, Double.NaN, space);
        return i;
    }

    private int number(String text, int start, boolean space, TokenList out) {
        int n = text.length();
        int i = start;
        StringBuilder digits = new StringBuilder();
        while (i < n && isDigit(text.charAt(i))) {
            digits.append(text.charAt(i++));
        }
        // grouping: "30,154"; "1 000 000" with thin, no-break or plain spaces; Indian "12,34,567"
        int groupEnd = groupEnd(text, i, digits.length());
        for (int k = i; k < groupEnd; k++) {
            if (isDigit(text.charAt(k))) {
                digits.append(text.charAt(k));
            }
        }
        i = groupEnd;
        boolean decimal = false;
        if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            int j = i + 1;
            StringBuilder frac = new StringBuilder(".");
            while (j < n && isDigit(text.charAt(j))) {
                frac.append(text.charAt(j++));
            }
            if (j + 1 < n && text.charAt(j) == '.' && isDigit(text.charAt(j + 1))) {
                // dotted sequence (version, IP address, section number): a code, not a figure
                while (j < n && (isDigit(text.charAt(j)) || (text.charAt(j) == '.' && j + 1 < n
                        && isDigit(text.charAt(j + 1))))) {
                    j++;
                }
                out.add(Token.Kind.CODE, start, j, false, Double.NaN, space);
                return j;
            }
            digits.append(frac);
            decimal = true;
            i = j;
        }
        // scientific notation: "1e10", "12.32e+14", "-12e-1"
        if (i + 1 < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int e = j;
            while (j < n && isDigit(text.charAt(j)) && j - e < 4) {
                j++;
            }
            if (j > e && (j >= n || !Character.isLetterOrDigit(text.charAt(j)))) {
                digits.append('e').append(text, i + 1, j);
                i = j;
            }
        }
        // glued letters: a known suffix ("bn", "k", "%" is a symbol anyway) or part of a code
        if (i < n && Character.isLetter(text.charAt(i))) {
            int j = i;
            while (j < n && Character.isLetter(text.charAt(j))) {
                j++;
            }
            boolean endsClean = j >= n || !(Character.isLetterOrDigit(text.charAt(j)));
            if (!(endsClean && gluedSuffixes.contains(text, i, j, true))) {
                int k = j;
                while (k < n && Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                }
                out.add(Token.Kind.CODE, start, k, true, Double.NaN, space);
                return k;
            }
        }
        double value = digits.length() > MAX_DIGITS + (decimal ? 1 : 0) ? Double.NaN : parse(digits.toString());
        Token.Kind kind = Double.isNaN(value) ? Token.Kind.CODE : Token.Kind.NUMBER;
        out.add(kind, start, i, false, value, space);
        return i;
    }

    /**
     * The end of the digit groups after a leading run of {@code lead} digits at {@code i} (or {@code i} when there
     * are none): ",ddd" groups, the same with thin, no-break or single plain spaces (lead of at most three
     * digits), or the Indian form ",dd,dd,ddd".
     */
    private static int groupEnd(String text, int i, int lead) {
        int n = text.length();
        if (i >= n || lead > 3) {
            return i;
        }
        char sep = text.charAt(i);
        if (!(sep == ',' || sep == '\u00A0' || sep == '\u202F' || sep == '\u2009' || sep == ' ')) {
            return i;
        }
        int k = i;
        while (k < n && text.charAt(k) == sep && threeDigits(text, k + 1)) {
            k += 4;
        }
        // plain spaces also separate numbers ("400 737 Max jets"): one group only after a lead of one or two digits
        if (k > i && (sep != ' ' || k - i > 4 || lead <= 2)) {
            return k;
        }
        k = i;
        if (sep == ',' && lead <= 2) {
            while (k + 3 < n && text.charAt(k) == ',' && isDigit(text.charAt(k + 1)) && isDigit(text.charAt(k + 2))
                    && text.charAt(k + 3) == ',') {
                k += 3;
            }
            if (k > i && threeDigits(text, k + 1)) {
                return k + 4;
            }
        }
        return i;
    }

    private static boolean threeDigits(String text, int i) {
        int n = text.length();
        return i + 2 < n && isDigit(text.charAt(i)) && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
                && (i + 3 >= n || !isDigit(text.charAt(i + 3)));
    }

    private static double parse(String digits) {
        try {
            double v = Double.parseDouble(digits);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
