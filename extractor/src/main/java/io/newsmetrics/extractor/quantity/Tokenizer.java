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
    /** Words the tokens are marked for ({@link TokenList#marked}), looked up as they are scanned. */
    private final WordMap<Boolean> marked;

    Tokenizer(Set<String> gluedSuffixes) {
        this(gluedSuffixes, WordMap.setOf(Set.of()));
    }

    /**
     * @param gluedSuffixes letters split from a number they are glued to ("bn")
     * @param marked        lowercase words whose {@link Token.Kind#WORD} tokens are marked: the hash of an ASCII
     *                      word is made as its chars are read, so the lookup reads them no second time
     */
    Tokenizer(Set<String> gluedSuffixes, WordMap<Boolean> marked) {
        this.gluedSuffixes = WordMap.setOf(gluedSuffixes);
        this.marked = marked;
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
        if (c > '\u00A0' && c < '\u1680' || c > '\u3000') {
            return false; // letters of most scripts: no space or control char lies in these ranges
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    static boolean isLetter(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        if (c < TABLED) {
            return (LETTERS[c >>> 6] & (1L << c)) != 0;
        }
        return Character.isLetter(c);
    }

    /** Chars below this are classified from tables made once from the Character methods: most scripts' letters. */
    private static final int TABLED = 0x3000;
    private static final long[] LETTERS = table(c -> Character.isLetter(c));
    private static final long[] WORD_CHARS = table(c -> Character.isLetter(c)
            || Character.getType(c) == Character.NON_SPACING_MARK);

    private static long[] table(java.util.function.IntPredicate p) {
        long[] bits = new long[TABLED >>> 6];
        for (int c = 0; c < TABLED; c++) {
            if (p.test(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    /** A letter or a combining mark, which belongs to the word it follows (a decomposed "ü"). */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        if (c < TABLED) {
            return (WORD_CHARS[c >>> 6] & (1L << c)) != 0;
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private int word(String text, int start, boolean space, TokenList out) {
        int n = text.length();
        int i = start;
        boolean digits = false;
        boolean ascii = true;
        int hash = 0; // of the lowercase form, as String.hashCode makes it, while the word is ASCII
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                hash = 31 * hash + (c | 0x20);
                i++;
            } else if (isWordChar(c)) {
                ascii = false;
                i++;
            } else if (isDigit(c)) {
                digits = true;
                i++;
            } else {
                break;
            }
        }
        boolean mark = !digits && (ascii ? marked.containsLowerAscii(text, start, i, hash)
                : marked.contains(text, start, i, true));
        out.add(digits ? Token.Kind.CODE : Token.Kind.WORD, start, i, true, Double.NaN, space, mark);
        return i;
    }

    private int number(String text, int start, boolean space, TokenList out) {
        int n = text.length();
        int i = start;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        // grouping: "30,154"; "1 000 000" with thin, no-break or plain spaces; Indian "12,34,567"
        int intDigits = i - start;
        int groupEnd = groupEnd(text, i, intDigits);
        for (int k = i; k < groupEnd; k++) {
            if (isDigit(text.charAt(k))) {
                intDigits++;
            }
        }
        int intEnd = groupEnd;
        i = groupEnd;
        int fracFrom = -1;
        int fracTo = -1;
        if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            if (j + 1 < n && text.charAt(j) == '.' && isDigit(text.charAt(j + 1))) {
                // dotted sequence (version, IP address, section number): a code, not a figure
                while (j < n && (isDigit(text.charAt(j)) || (text.charAt(j) == '.' && j + 1 < n && isDigit(text.charAt(j + 1))))) {
                    j++;
                }
                out.add(Token.Kind.CODE, start, j, false, Double.NaN, space);
                return j;
            }
            fracFrom = i + 1;
            fracTo = j;
            i = j;
        }
        // scientific notation: "1e10", "12.32e+14", "-12e-1"
        int expFrom = -1;
        int expTo = -1;
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
                expFrom = i + 1;
                expTo = j;
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
        boolean decimal = fracFrom >= 0;
        // the length of the text read as a number: digits without grouping, "." fraction, "e" exponent
        int length = intDigits + (decimal ? 1 + fracTo - fracFrom : 0) + (expFrom >= 0 ? 1 + expTo - expFrom : 0);
        double value = length > MAX_DIGITS + (decimal ? 1 : 0) ? Double.NaN
                : value(text, start, intEnd, intDigits, fracFrom, fracTo, expFrom, expTo);
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
            while (k + 3 < n && text.charAt(k) == ',' && isDigit(text.charAt(k + 1)) && isDigit(text.charAt(k + 2)) && text.charAt(k + 3) == ',') {
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

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** Digits of a long that a double holds exactly (below 2^53). */
    private static final int EXACT_DIGITS = 15;

    /**
     * What {@link Double#parseDouble} makes of the digits in [intFrom, intEnd) (grouping left out), the fraction
     * [fracFrom, fracTo) and the exponent [expFrom, expTo) (-1 when absent), or NaN when that is not finite.
     * Without an exponent and with at most {@link #EXACT_DIGITS} digits, the digits as a long divided by an exact
     * power of ten is one correctly rounded division, so it is the double parseDouble returns: most figures are
     * read without building a string.
     */
    private static double value(String text, int intFrom, int intEnd, int intDigits, int fracFrom, int fracTo,
                                int expFrom, int expTo) {
        int fracDigits = fracFrom < 0 ? 0 : fracTo - fracFrom;
        if (expFrom < 0 && intDigits + fracDigits <= EXACT_DIGITS) {
            long m = 0;
            for (int k = intFrom; k < intEnd; k++) {
                if (isDigit(text.charAt(k))) {
                    m = 10 * m + (text.charAt(k) - '0');
                }
            }
            for (int k = fracFrom; k < fracTo; k++) {
                m = 10 * m + (text.charAt(k) - '0');
            }
            return fracDigits == 0 ? (double) m : m / EXACT_POWERS_OF_TEN[fracDigits];
        }
        StringBuilder digits = new StringBuilder();
        for (int k = intFrom; k < intEnd; k++) {
            if (isDigit(text.charAt(k))) {
                digits.append(text.charAt(k));
            }
        }
        if (fracFrom >= 0) {
            digits.append('.').append(text, fracFrom, fracTo);
        }
        if (expFrom >= 0) {
            digits.append('e').append(text, expFrom, expTo);
        }
        try {
            double v = Double.parseDouble(digits.toString());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
