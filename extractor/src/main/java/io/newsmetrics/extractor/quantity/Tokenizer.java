package io.newsmetrics.extractor.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into words, codes, numbers and symbols in one linear pass (no regular expressions, so no
 * backtracking on hostile input). A number glued to a known suffix ("1.5bn", "100k", "10%", "3GW") is split
 * into the number and the suffix; glued to other letters it is a {@link Token.Kind#CODE} ("5G", "787x").
 */
final class Tokenizer {
    /** Numbers with more digits than this are identifiers or garbage, not figures. */
    static final int MAX_DIGITS = 24;

    private final Set<String> gluedSuffixes;

    Tokenizer(Set<String> gluedSuffixes) {
        this.gluedSuffixes = gluedSuffixes;
    }

    List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
        int n = text.length();
        int i = 0;
        boolean space = true;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = true;
                i++;
                continue;
            }
            if (isDigit(c)) {
                i = number(text, i, space, out);
            } else if (Character.isLetter(c)) {
                i = word(text, i, space, out);
            } else {
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                String s = text.substring(i, i + len);
                out.add(new Token(Token.Kind.SYMBOL, i, i + len, s, s, Double.NaN, space));
                i += len;
            }
            space = false;
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int word(String text, int start, boolean space, List<Token> out) {
        int n = text.length();
        int i = start;
        boolean digits = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if (isDigit(c)) {
                digits = true;
                i++;
            } else {
                break;
            }
        }
        String s = text.substring(start, i);
        out.add(new Token(digits ? Token.Kind.CODE : Token.Kind.WORD, start, i, s, s.toLowerCase(Locale.ROOT),
                Double.NaN, space));
        return i;
    }

    private int number(String text, int start, boolean space, List<Token> out) {
        int n = text.length();
        int i = start;
        StringBuilder digits = new StringBuilder();
        while (i < n && isDigit(text.charAt(i))) {
            digits.append(text.charAt(i++));
        }
        // grouping: "30,154", "1 000 000" (thin or no-break space), only groups of exactly three digits
        boolean grouped = false;
        while (i + 3 < n + 1 && i < n) {
            char sep = text.charAt(i);
            boolean groupSep = sep == ',' || sep == '\u00A0' || sep == '\u202F' || sep == '\u2009'
                    || (sep == ' ' && digits.length() <= 3 && !grouped && false);
            if (!groupSep || i + 3 >= n + 1 || !threeDigits(text, i + 1)) {
                break;
            }
            if ((sep == ',' && digits.length() > 3 && !grouped)) {
                break;
            }
            digits.append(text, i + 1, i + 4);
            grouped = true;
            i += 4;
        }
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
                String s = text.substring(start, j);
                out.add(new Token(Token.Kind.CODE, start, j, s, s, Double.NaN, space));
                return j;
            }
            digits.append(frac);
            decimal = true;
            i = j;
        }
        // glued letters: a known suffix ("bn", "k", "%" is a symbol anyway) or part of a code
        if (i < n && Character.isLetter(text.charAt(i))) {
            int j = i;
            while (j < n && Character.isLetter(text.charAt(j))) {
                j++;
            }
            boolean endsClean = j >= n || !(Character.isLetterOrDigit(text.charAt(j)));
            String suffix = text.substring(i, j).toLowerCase(Locale.ROOT);
            if (!(endsClean && gluedSuffixes.contains(suffix))) {
                int k = j;
                while (k < n && Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                }
                String s = text.substring(start, k);
                out.add(new Token(Token.Kind.CODE, start, k, s, s.toLowerCase(Locale.ROOT), Double.NaN, space));
                return k;
            }
        }
        String s = text.substring(start, i);
        double value = digits.length() > MAX_DIGITS + (decimal ? 1 : 0) ? Double.NaN : parse(digits.toString());
        Token.Kind kind = Double.isNaN(value) ? Token.Kind.CODE : Token.Kind.NUMBER;
        out.add(new Token(kind, start, i, s, s, value, space));
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
