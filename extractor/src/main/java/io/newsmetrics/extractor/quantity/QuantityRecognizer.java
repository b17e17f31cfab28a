package io.newsmetrics.extractor.quantity;

import io.newsmetrics.model.Change;
import io.newsmetrics.model.Qualifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds quantities in English text: numbers with grouping, decimals and scale words ("1.5bn", "thirty
 * million"), percentages and points, money in symbols, codes and words, physical units, counted nouns, ranges,
 * and the qualifier ("more than") and change ("rose") words around them. Years, dates, times of day, ordinals,
 * phone numbers, model names ("Boeing 787", "COVID-19") and scores ("2-0") are not quantities.
 *
 * <p>Thread-safe and immutable: one instance serves any number of threads. Works in one linear pass over
 * tokens without regular expressions, so it cannot backtrack catastrophically on hostile input.
 */
public final class QuantityRecognizer {
    private static final Logger LOG = LoggerFactory.getLogger(QuantityRecognizer.class);

    /** Inputs longer than this are recognised in slices so that memory stays bounded. */
    static final int MAX_SLICE_CHARS = 1 << 20;

    private static final Set<String> CURRENCY_SYMBOLS = Set.of("$", "£", "€", "¥", "₹", "₩", "₽", "₺", "₦", "₱", "₪");
    private static final WordMap<Boolean> CURRENCY_SYMBOL_MAP = WordMap.setOf(CURRENCY_SYMBOLS);
    private static final Set<String> DOLLAR_PREFIXES = Set.of("us", "u.s.", "hk", "a", "au", "c", "ca", "s", "nz",
            "nt", "r", "mx");
    private static final WordMap<Boolean> DOLLAR_PREFIXES_MAP = WordMap.setOf(DOLLAR_PREFIXES);
    private static final Set<String> FILLERS = Set.of("by", "a", "an", "just", "only", "another", "further", "sharply",
            "slightly", "nearly", "roughly", "about", "some", "around", "almost", "marginally", "modestly", "strongly",
            "significantly", "steeply", "also", "more", "than", "over", "last", "was", "were", "is", "are", "trading",
            "still", "even", "already");
    private static final WordMap<Boolean> FILLERS_MAP = WordMap.setOf(FILLERS);
    private static final Set<String> CHANGE_AFTER = Set.of("higher", "lower", "increase", "rise", "gain", "jump",
            "surge", "drop", "decline", "fall", "decrease", "cut", "reduction", "hike", "slump", "plunge", "dip",
            "growth", "contraction", "rally", "slide", "climb");
    private static final WordMap<Boolean> CHANGE_AFTER_MAP = WordMap.setOf(CHANGE_AFTER);
    private static final Set<String> TIME_SUFFIXES = Set.of("am", "pm", "gmt", "utc", "et", "est", "edt", "bst",
            "cet", "pst", "pdt", "hrs", "jst");
    private static final WordMap<Boolean> TIME_SUFFIXES_MAP = WordMap.setOf(TIME_SUFFIXES);
    private static final Set<String> IRREGULAR_PLURALS = Set.of("people", "children", "men", "women", "staff",
            "aircraft", "cattle", "police", "personnel", "sheep", "fish", "data", "media", "livestock", "deer",
            "troops", "feet", "teeth", "mice", "geese", "crew", "equipment", "spacecraft", "offspring");
    private static final Set<String> BOUNDARY_WORDS = Set.of("while", "whereas", "but", "although", "though",
            "which", "who", "and", "or", "as", "with", "after", "before", "since", "because", "when", "despite");
    private static final WordMap<Boolean> BOUNDARY_WORDS_MAP = WordMap.setOf(BOUNDARY_WORDS);

    private final Lexicon lex;
    private final Tokenizer tokenizer;

    /** Words that may begin a figure: number words, currency prefixes and codes, "between", "minus". */
    private final WordMap<Boolean> startWords;

    private QuantityRecognizer(Lexicon lex) {
        this.lex = lex;
        java.util.HashSet<String> starts = new java.util.HashSet<>(WrittenNumbers.startWords());
        starts.addAll(DOLLAR_PREFIXES);
        starts.addAll(List.of("between", "rs", "minus"));
        for (String c : lex.currencies.keySet()) {
            if (c.length() == 3 && c.chars().allMatch(Character::isLetter)) {
                starts.add(c);
            }
        }
        this.startWords = WordMap.setOf(starts);
        this.tokenizer = new Tokenizer(lex.gluedSuffixes, startWords);
    }

    /** A recogniser with the bundled word lists. */
    public static QuantityRecognizer create() {
        return new QuantityRecognizer(Lexicon.load());
    }

    /** The word lists this recogniser uses. */
    public Lexicon lexicon() {
        return lex;
    }

    /**
     * All quantities in {@code text}, in text order, without overlaps. Never throws: null or unreadable input
     * gives an empty list.
     */
    public List<Quantity> recognize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Quantity> out = new ArrayList<>();
        int offset = 0;
        while (offset < text.length()) {
            int end = sliceEnd(text, offset);
            try {
                String slice = offset == 0 && end == text.length() ? text : text.substring(offset, end);
                for (Quantity q : recognizeSlice(slice)) {
                    out.add(offset == 0 ? q : shift(q, offset));
                }
            } catch (RuntimeException e) {
                // a defect must not take the pipeline down: log it and keep what was found
                LOG.warn("quantity recognition failed on a {}-char slice at {}: {}", end - offset, offset, e.toString());
            }
            offset = end;
        }
        return out;
    }

    private static int sliceEnd(String text, int offset) {
        int end = Math.min(text.length(), offset + MAX_SLICE_CHARS);
        if (end == text.length()) {
            return end;
        }
        for (int i = end; i > offset + MAX_SLICE_CHARS / 2; i--) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        for (int i = end; i > offset + MAX_SLICE_CHARS / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return end;
    }

    private static Quantity shift(Quantity q, int by) {
        return new Quantity(q.text(), q.start() + by, q.end() + by, q.value(), q.low(), q.high(), q.unit(),
                q.surfaceUnit(), q.qualifier(), q.change(), q.concept());
    }

    private List<Quantity> recognizeSlice(String text) {
        TokenList t = tokenizer.tokenize(text);
        List<Quantity> out = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // token spans of the quantities, for unit inheritance
        int i = 0;
        while (i < t.size()) {
            if (!mayStart(t, i)) {
                i++;
                continue;
            }
            Match m = match(text, t, i);
            if (m == null) {
                i++;
            } else if (m.quantity == null) {
                i = Math.max(i + 1, m.end); // rejected figure: skip all its tokens
            } else {
                Quantity q = inheritChange(t, m, inheritUnit(t, m, out, spans), out, spans);
                Quantity merged = out.isEmpty() ? null : twoSided(text, out.get(out.size() - 1), q);
                if (merged != null) {
                    out.set(out.size() - 1, merged);
                    spans.set(spans.size() - 1, new int[]{spans.get(spans.size() - 1)[0], m.end});
                    i = m.end;
                    continue;
                }
                out.add(q);
                spans.add(new int[]{m.start, m.end});
                i = m.end;
            }
        }
        return out;
    }

    /** Whether token {@code i} may begin a figure; read from the token arrays, most tokens never become objects. */
    private boolean mayStart(TokenList t, int i) {
        return switch (t.kind(i)) {
            case NUMBER -> true;
            case SYMBOL -> t.in(i, CURRENCY_SYMBOL_MAP) || t.isSymbol(i, '-') || t.isSymbol(i, '−');
            case WORD -> t.marked(i) && (t.length(i) != 3
                    || startWordIsNoCurrency(t.get(i)));
            case CODE -> false;
        };
    }

    /** A three-letter start word that is also a currency code begins a figure only as a number or in capitals. */
    private boolean startWordIsNoCurrency(Token tok) {
        return !lex.currencyMap.contains(tok) || WrittenNumbers.startsNumber(tok.lower())
                || DOLLAR_PREFIXES_MAP.contains(tok) || tok.text().equals(tok.text().toUpperCase(Locale.ROOT));
    }

    /** What was found at a position: a quantity over tokens [start, end), or a rejected figure (quantity null). */
    private record Match(Quantity quantity, int start, int end) {
    }

    /** A number read over tokens [start, end). */
    private record Num(double value, int start, int end, boolean written, boolean scaled) {
    }

    private Match match(String text, TokenList t, int i) {
        int n = t.size();
        int start = i;
        boolean between = false;
        if (t.is(i, "between")) {
            between = true;
            i++;
            if (i >= n) {
                return null;
            }
        }
        // currency before the number: "$", "US$", "HK$", "USD", "Rs."
        String currency = null;
        String currencySurface = null;
        int numStart = i;
        int cur = currencyPrefix(t, i);
        if (cur > i) {
            currencySurface = surface(text, t, i, cur);
            currency = t.isSymbol(cur - 1, '$') && cur - 1 > i ? dollarPrefix(t, i, cur - 1)
                    : lex.currencies.get(key(t, i, cur));
            numStart = cur;
            if (numStart < n && t.isSymbol(numStart, '.') && t.is(i, "rs")) {
                numStart++;
            }
        }
        boolean negative = false;
        if (numStart < n && (t.isSymbol(numStart, '-') || t.isSymbol(numStart, '−'))
                && numStart + 1 < n && t.isNumber(numStart + 1)
                && (t.glued(numStart + 1) || numStart == 0)
                && (numStart == 0 || t.spaceBefore(numStart) || !isWordLike(t.get(numStart - 1)))) {
            negative = true;
            numStart++;
        } else if (numStart + 1 < n && (t.is(numStart, "minus") || t.is(numStart, "negative"))
                && (t.isNumber(numStart + 1) || t.isWord(numStart + 1)
                && WrittenNumbers.startsNumber(t.get(numStart + 1).lower()))) {
            negative = true;
            numStart++;
        }
        Num first = number(t, numStart, currency != null);
        if (first == null) {
            return null;
        }
        if (currency == null && between) {
            start = i;
        }
        // rejections that look at the number alone
        Match reject = rejectNumber(t, first, currency, negative);
        if (reject != null) {
            return reject;
        }
        // "one over three", "2000 over 3", "one out of three": a fraction between two bare numbers
        if (currency == null && !first.scaled && first.end + 1 < n) {
            int d = t.is(first.end, "over") ? first.end + 1
                    : t.is(first.end, "out") && t.is(first.end + 1, "of") ? first.end + 2
                    : t.is(first.end, "in") && first.value <= 100 && first.value == Math.rint(first.value)
                    && first.end + 1 < n && !(t.isNumber(first.end + 1) && t.get(first.end + 1).text().length() == 4)
                    ? first.end + 1 : -1; // "one in five"
            Num den = d > 0 ? number(t, d, false) : null;
            if (den != null && t.is(first.end, "in") && !(den.value > first.value && den.end - den.start <= 3)) {
                den = null;
            }
            if (den != null && den.value != 0 && unit(t, den.end, den) == null && currencyAfter(text, t, den.end) == null
                    && countedNoun(t, den.end, den.value) == null && unit(t, first.end, first) == null) {
                first = new Num(first.value / den.value, first.start, den.end, first.written, false);
            }
        }
        double v1 = negative ? -first.value : first.value;
        int k = first.end;
        Unit u1 = currency == null ? unit(t, k, first) : null;
        if (currency == null && u1 == null) {
            Unit money = currencyAfter(text, t, k);
            if (money != null) {
                u1 = money;
                // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
                int c = money.end < n && t.is(money.end, "and") ? money.end + 1 : money.end;
                Num cents = c < n ? number(t, c, false) : null;
                if (cents != null && cents.value < 100 && cents.value == Math.rint(cents.value) && hasCents(money.unit)) {
                    boolean word = cents.end < n && (t.is(cents.end, "cents") || t.is(cents.end, "cent"));
                    boolean bare = cents.end >= n || t.is(cents.end, "and")
                            || t.kind(cents.end) == Token.Kind.SYMBOL && !t.isSymbol(cents.end, '%');
                    if (word || bare) {
                        v1 += cents.value / 100;
                        u1 = new Unit(money.unit, money.surface, word ? cents.end + 1 : cents.end);
                    }
                }
            }
        }
        if (u1 != null) {
            k = u1.end;
        }
        // a range: "10-15%", "$40-50 billion", "between 10 and 15", "5 to 7 million"; never of years ("from 2004
        // to 2017")
        Num second = null;
        Unit u2 = null;
        int conn = k;
        boolean yearLike = currency == null && u1 == null && t.isNumber(first.start) && first.end - first.start == 1
                && t.get(first.start).text().length() == 4 && first.value >= 1800 && first.value <= 2100;
        if (conn < n && !yearLike) {
            Token c = t.get(conn);
            boolean dash = c.isSymbol('-') || c.isSymbol('–') || c.isSymbol('—') || c.isSymbol('~');
            boolean to = (c.is("to") || c.is("through") || c.is("thru")) && !precededBy(t, start, "by")
                    && (!precededBy(t, start, "from") || u1 == null && currency == null)
                    && (u1 == null || between || !changeBefore(t, start)) || c.is("to") && precededBy(t, start, "between");
            boolean and = c.is("and") && between;
            if (dash || to || and) {
                int s2 = conn + 1;
                if (currency != null) {
                    int cur2 = currencyPrefix(t, s2);
                    if (cur2 > s2) {
                        s2 = cur2;
                    }
                }
                Num b = number(t, s2, currency != null);
                if (b != null && !(dash && !first.written && b.written)) {
                    Unit ub = currency == null ? unit(t, b.end, b) : null;
                    if (currency == null && ub == null) {
                        ub = currencyAfter(text, t, b.end);
                    }
                    double lo = v1;
                    double hi = b.value;
                    if (!first.scaled && b.scaled && first.value < b.value / 1000 * 1000) {
                        lo = v1 * scaleOf(t, b);
                    }
                    boolean unitsAgree = u1 == null ? true : ub != null && u1.unit.equals(ub.unit)
                            || ub == null && !to;
                    if (dash && c.glued() && t.glued(conn + 1) && lo >= hi && u1 == null && ub == null
                            && currency == null) {
                        return new Match(null, start, b.end); // "787-9", "2-0": a model name or a score
                    }
                    if (dash && !c.isSymbol('~') && c.glued() && t.glued(conn + 1) && u1 == null && ub == null
                            && currency == null && !first.written && !first.scaled && !b.scaled && countedNoun(t, b.end, b.value) == null
                            && !between && !(b.end < n && t.isSymbol(b.end, '%'))
                            && (t.get(first.start).text().length() != t.get(b.start).text().length()
                            || t.get(b.start).text().length() <= 2)) {
                        return new Match(null, start, b.end); // "85-433", "3-1": codes and scores, not figures
                    }
                    boolean toNeedsUnit = to && !between && ub == null && currency == null && !b.scaled
                            && countedNoun(t, b.end, b.value) == null && !precededBy(t, start, "from")
                            && !c.is("through");
                    if (lo < hi && unitsAgree && !toNeedsUnit && (t.isNumber(s2) || !dash)) {
                        second = new Num(hi, b.start, b.end, b.written, b.scaled);
                        u2 = ub;
                        v1 = lo;
                        k = ub != null ? ub.end : b.end;
                    }
                }
            }
        }
        Unit unit = u2 != null ? u2 : u1;
        String unitName;
        String surfaceUnit;
        if (currency != null) {
            unitName = currency;
            surfaceUnit = currencySurface;
            // "$0.23/W", "$60 a barrel" stay money; the per-unit part is kept in the surface text
            if (k + 1 < n && t.isSymbol(k, '/') && t.glued(k) && t.glued(k + 1)
                    && (t.isWord(k + 1) || t.kind(k + 1) == Token.Kind.CODE)) {
                surfaceUnit = currencySurface + "/" + t.get(k + 1).text();
                k += 2;
            }
            // "C$100 and fifty": the written cents of a dollar amount
            if (second == null && k + 1 < n && t.is(k, "and") && hasCents(currency) && !first.scaled) {
                Num cents = number(t, k + 1, false);
                if (cents != null && cents.written && cents.value < 100 && (cents.end >= n
                        || t.kind(cents.end) == Token.Kind.SYMBOL || t.is(cents.end, "cents"))) {
                    v1 += cents.value / 100;
                    k = cents.end < n && t.is(cents.end, "cents") ? cents.end + 1 : cents.end;
                }
            }
        } else if (unit != null) {
            unitName = unit.unit;
            surfaceUnit = unit.surface;
        } else {
            Noun noun = countedNoun(t, k, second == null ? v1 : second.value);
            boolean apposition = second == null && !first.written && numStart >= 2 && k < n
                    && t.isSymbol(numStart - 1, ',') && t.isSymbol(k, ',') && first.value >= 1
                    && first.value <= 120 && first.value == Math.rint(first.value) && hasUpper(t.get(numStart - 2))
                    && t.isWord(numStart - 2) && Lexicon.month(t.get(numStart - 2)) == 0;
            if (apposition || numStart > 0 && (t.is(numStart - 1, "aged") || t.is(numStart - 1, "age")
                    || t.is(numStart - 1, "ages"))) {
                unitName = "year"; // an age
                surfaceUnit = apposition ? null : t.get(numStart - 1).text();
            } else if (noun != null) {
                unitName = "count";
                surfaceUnit = noun.word;
            } else {
                unitName = null;
                surfaceUnit = null;
            }
        }
        String quoted = currency == null && unit == null && second == null ? quotedCurrency(t, first.start, k) : null;
        if (quoted != null) {
            unitName = quoted;
            surfaceUnit = quoted;
        }
        if (currency == null && unit == null && quoted == null && rejectBare(t, first, second, unitName)) {
            return new Match(null, start, k);
        }
        int qStart = between ? start : t.get(cur > i ? i : (negative ? numStart - 1 : numStart)).start();
        if (between) {
            qStart = t.get(start).start();
        }
        int qEnd = t.get(k - 1).end();
        Double value;
        Double low = null;
        Double high = null;
        if (second != null) {
            low = v1;
            high = second.value;
            value = (low + high) / 2;
        } else {
            value = v1;
        }
        int qualStart = between ? start : (cur > i ? i : (negative ? numStart - 1 : numStart));
        Qualifier qualifier = second != null ? Qualifier.EXACT : qualifier(t, qualStart);
        if (second == null) {
            qualifier = postQualifier(t, k, qualifier);
        }
        if (unitName == null && currency == null && percentOfBefore(t, qualStart)) {
            unitName = "percent"; // "percent of 10", "per cent of twenty-two"
            surfaceUnit = "percent";
        }
        int qualLen = qualifierLength(t, qualStart);
        Change change = change(t, qualStart - qualLen, k, unitName);
        String concept = concept(t, qualStart - qualLen, k, surfaceUnit, unitName);
        Quantity q = new Quantity(text.substring(qStart, qEnd), qStart, qEnd, value, low, high, unitName,
                surfaceUnit, qualifier, change, concept);
        return new Match(q, start, k);
    }

    /**
     * An exchange rate: "the yen ... at 108.55 per dollar" is 108.55 yen; the currency named before the figure
     * in its sentence (other than the one after "per") is its unit.
     */
    private String quotedCurrency(TokenList t, int numStart, int k) {
        int n = t.size();
        if (k + 1 >= n || !(t.is(k, "per") || t.is(k, "to") || t.is(k, "against"))) {
            return null;
        }
        int c = k + 1;
        if (c < n && (t.is(c, "the") || t.is(c, "a") || t.is(c, "one"))) {
            c++;
        }
        if (c >= n || !t.isWord(c)) {
            return null;
        }
        String per = lex.currencyMap.get(t.get(c));
        if (per == null) {
            return null;
        }
        for (int j = numStart - 1; j >= 0 && j >= numStart - 20; j--) {
            Token p = t.get(j);
            if (p.isSymbol('.') && j > 0 && !t.isWord(j - 1)) {
                break;
            }
            if (p.isWord() && !p.is("dollar") && !p.is("greenback")) {
                String code = lex.currencyMap.get(p);
                if (code != null && !code.equals(per) && p.text().length() > 2 && !p.lower().equals("won")
                        && !(code.equalsIgnoreCase(p.text()) && !p.text().equals(p.text().toUpperCase(Locale.ROOT)))) {
                    return code;
                }
            }
        }
        return null;
    }

    private static boolean isWordLike(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.CODE || t.kind() == Token.Kind.NUMBER;
    }

    private static final Set<String> MORE_WORDS = Set.of("more", "greater", "above", "higher", "over", "larger",
            "bigger");
    private static final Set<String> LESS_WORDS = Set.of("less", "fewer", "lower", "below", "under", "smaller");

    private static boolean hasCents(String iso) {
        return Set.of("USD", "CAD", "AUD", "NZD", "HKD", "SGD", "EUR").contains(iso);
    }

    /** "500 or more", "200 or greater", "5000 or less", "less than 5000 or equal": a qualifier after the figure. */
    private static Qualifier postQualifier(TokenList t, int k, Qualifier q) {
        int n = t.size();
        if (k + 1 >= n || !(t.is(k, "or") || t.is(k, "and"))) {
            return q;
        }
        String w = t.get(k + 1).lower();
        int after = k + 2;
        while (after < n && after < k + 6 && (t.is(after, "than") || t.is(after, "or")
                || t.is(after, "equal") || t.is(after, "to") || t.kind(after) == Token.Kind.SYMBOL
                && !t.isSymbol(after, '.'))) {
            after++;
        }
        boolean numberFollows = after < n && (t.isNumber(after) || t.isWord(after)
                && WrittenNumbers.startsNumber(t.get(after).lower()));
        if (numberFollows) {
            return q;
        }
        if (MORE_WORDS.contains(w)) {
            return Qualifier.AT_LEAST;
        }
        if (LESS_WORDS.contains(w)) {
            return Qualifier.AT_MOST;
        }
        if (w.equals("equal")) {
            return q == Qualifier.LESS_THAN ? Qualifier.AT_MOST : q == Qualifier.MORE_THAN ? Qualifier.AT_LEAST : q;
        }
        return q;
    }

    /** "percent of 10": a percent word right before the figure, not itself after a number. */
    private static boolean percentOfBefore(TokenList t, int s) {
        if (s < 2 || !t.is(s - 1, "of")) {
            return false;
        }
        int p = s - 2;
        Token w = t.get(p);
        boolean percent = w.is("percent") || w.is("percents") || w.is("cent") && p > 0 && t.is(p - 1, "per");
        if (!percent) {
            return false;
        }
        int before = w.is("cent") ? p - 2 : p - 1;
        return before < 0 || !(t.isNumber(before) || t.isWord(before)
                && WrittenNumbers.isNumberWord(t.get(before).lower()));
    }

    /** A change word just before a figure ("rose 3% to 5%" is a move and a level, not a range). */
    private boolean changeBefore(TokenList t, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token p = t.get(k);
            if (!p.isWord()) {
                return false;
            }
            if (lex.changeMap.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean precededBy(TokenList t, int i, String word) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token p = t.get(k);
            if (p.is(word)) {
                return true;
            }
            if (!p.isWord()) {
                return false;
            }
        }
        return false;
    }

    private double scaleOf(TokenList t, Num b) {
        Token last = t.get(b.end - 1);
        Lexicon.Scale s = lex.scaleMap.get(last);
        return s == null ? 1 : s.multiplier();
    }

    /** Index just past a currency prefix at {@code i}, or {@code i} when there is none. */
    private int currencyPrefix(TokenList t, int i) {
        int n = t.size();
        if (i >= n) {
            return i;
        }
        // read from the token arrays: this runs for every token that may begin a figure
        if (t.kind(i) == Token.Kind.SYMBOL && t.in(i, CURRENCY_SYMBOL_MAP)) {
            return i + 1;
        }
        if (t.isWord(i) && (t.in(i, DOLLAR_PREFIXES_MAP) || t.is(i, "u"))) {
            // "US$", "HK$", "U.S.$"; spaced ("C $ 16.4", "u.s $") only for prefixes that are no common word
            int j = i + 1;
            while (j < n && t.glued(j) && (t.isSymbol(j, '.') || t.isWord(j)) && j < i + 4) {
                j++;
            }
            boolean spacedOk = !(t.is(i, "a") || t.is(i, "s") || t.is(i, "r"));
            if (j < n && t.isSymbol(j, '$') && (t.glued(j) || spacedOk) && dollarPrefix(t, i, j) != null) {
                return j + 1;
            }
            return i;
        }
        if (t.isWord(i) && t.length(i) == 3 && i + 1 < n && t.isNumber(i + 1) && t.in(i, lex.currencyMap)) {
            String text = t.get(i).text();
            if (text.equals(text.toUpperCase(Locale.ROOT))) {
                return i + 1;
            }
        }
        if (t.is(i, "rs") && i + 1 < n) {
            int j = i + 1;
            if (t.isSymbol(j, '.')) {
                j++;
            }
            if (j < n && t.isNumber(j)) {
                return i + 1;
            }
        }
        return i;
    }

    private static final java.util.Map<String, String> PREFIX_DOLLARS = java.util.Map.ofEntries(
            java.util.Map.entry("us", "USD"), java.util.Map.entry("hk", "HKD"), java.util.Map.entry("a", "AUD"),
            java.util.Map.entry("au", "AUD"), java.util.Map.entry("c", "CAD"), java.util.Map.entry("ca", "CAD"),
            java.util.Map.entry("s", "SGD"), java.util.Map.entry("nz", "NZD"), java.util.Map.entry("nt", "TWD"),
            java.util.Map.entry("r", "BRL"), java.util.Map.entry("mx", "MXN"));

    /** The ISO code of a dollar prefix over tokens [from, dollarSign): "US", "U.S.", "HK", "C". */
    private static String dollarPrefix(TokenList t, int from, int dollar) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < dollar; k++) {
            if (t.isWord(k)) {
                sb.append(t.get(k).lower());
            }
        }
        return PREFIX_DOLLARS.get(sb.toString());
    }

    /** A number at {@code i}: digits (with fraction or scale) or words. */
    private Num number(TokenList t, int i, boolean money) {
        int n = t.size();
        if (i >= n) {
            return null;
        }
        Token a = t.get(i);
        double value;
        int end;
        boolean written = false;
        if (a.isNumber()) {
            value = a.number();
            end = i + 1;
            // fractions: "7/32", "1-1/2", "1 1/2"
            if (i >= 2 && t.isSymbol(i - 1, '/') && t.glued(i - 1) && a.glued() && t.isNumber(i - 2)) {
                return null; // the middle or end of a date "5/17/2018"
            }
            if (end + 1 < n && t.isSymbol(end, '/') && t.glued(end) && t.isNumber(end + 1)
                    && t.glued(end + 1) && !a.hasDecimals()) {
                if (end + 2 < n && t.isSymbol(end + 2, '/') && t.glued(end + 2)) {
                    return null; // a date "11/19/2019"
                }
                double den = t.get(end + 1).number();
                if (den == 0 || t.get(end + 1).hasDecimals()) {
                    return null;
                }
                value = value / den;
                end += 2;
                if (i >= 2 && t.isSymbol(i - 1, '-') && t.glued(i - 1) && t.glued(i)
                        && t.isNumber(i - 2)) {
                    return null; // handled from the whole part
                }
            } else if (end + 2 < n && (t.isSymbol(end, '-') && t.glued(end) || !t.glued(end)
                    && t.isNumber(end)) && !a.hasDecimals()) {
                int f = t.isSymbol(end, '-') ? end + 1 : end;
                if (f + 2 < n && t.isNumber(f) && t.isSymbol(f + 1, '/') && t.glued(f + 1)
                        && t.isNumber(f + 2) && t.glued(f + 2) && t.get(f + 2).number() > t.get(f).number()
                        && (f == end || t.glued(f))) {
                    value = value + t.get(f).number() / t.get(f + 2).number();
                    end = f + 3;
                }
            }
        } else {
            WrittenNumbers.Parsed p = WrittenNumbers.parse(t, i);
            if (p == null) {
                return null;
            }
            value = p.value();
            end = p.end();
            written = true;
        }
        // "3 dozens", "3 dzs"
        if (!written && end < n && t.isWord(end) && (t.is(end, "dozen") || t.is(end, "dozens")
                || t.is(end, "dzs") || t.is(end, "dozs"))) {
            value *= 12;
            end++;
        }
        // powers: "1.1^23", "2.5^-1"
        if (!written && end + 1 < n && t.isSymbol(end, '^') && t.glued(end)) {
            int k = end + 1;
            int sign = 1;
            while (k < n && k < end + 4 && (t.isSymbol(k, '-') || t.isSymbol(k, '+')) && t.glued(k)) {
                sign = t.isSymbol(k, '-') ? -sign : sign;
                k++;
            }
            if (k < n && t.isNumber(k) && t.glued(k)) {
                value = Math.pow(value, sign * t.get(k).number());
                end = k + 1;
            }
        }
        boolean scaled = false;
        if (end < n && t.isWord(end)) {
            Token s = t.get(end);
            Lexicon.Scale scale = lex.scaleMap.get(s);
            if (scale != null) {
                boolean ok = switch (scale.mode()) {
                    case "any" -> true;
                    case "glued" -> !(s.text().equals("K") && !money && t.get(i).text().length() == 1)
                            && (s.glued() || money || (!s.glued() && s.lower().length() > 1
                            && !s.lower().equals("b")) || s.is("k") && !written)
                            && !(s.lower().equals("b") && !money && !t.get(i).hasDecimals()
                            && end + 1 < n && t.get(end + 1).capitalized()); // "2B Mindset" is a name
                    case "giga" -> s.text().equals("G") && (t.get(i).hasDecimals() || t.get(i).text().indexOf(',') >= 0
                            || s.glued() && t.isNumber(i) && t.get(i).number() > 6);
                    case "money" -> money && (s.glued() || s.lower().length() > 1)
                            || s.text().equals("MM") || s.text().equals("M") && (s.glued() || !written
                            && t.get(i).hasDecimals());
                    default -> false;
                };
                if (ok && !(written && WrittenNumbers.isNumberWord(s.lower()))) {
                    value *= scale.multiplier();
                    end++;
                    scaled = true;
                    // "1.5 million" + "tonnes" is done; "hundred thousand" chains
                    if (end < n && t.isWord(end) && scale.multiplier() < 1e6) {
                        Lexicon.Scale more = lex.scaleMap.get(t.get(end));
                        if (more != null && more.mode().equals("any") && more.multiplier() > scale.multiplier()) {
                            value *= more.multiplier();
                            end++;
                        }
                    }
                }
            }
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        return new Num(value, i, end, written, scaled);
    }

    private record Unit(String unit, String surface, int end) {
    }

    /** A unit right after a number at {@code k} ("%", "percent", "GW", "barrels per day", "-year"). */
    private Unit unit(TokenList t, int k, Num num) {
        int n = t.size();
        if (k >= n) {
            return null;
        }
        int s = k;
        boolean hyphen = false;
        if (t.isSymbol(k, '-') && t.glued(k) && k + 1 < n && t.glued(k + 1) && t.isWord(k + 1)) {
            s = k + 1;
            hyphen = true;
        }
        Token h = t.get(s);
        if (!hyphen && h.glued() && h.isWord() && (h.text().equals("C") || h.text().equals("F"))
                && (s + 1 >= n || !t.isSymbol(s + 1, '$'))) {
            return new Unit(h.text().equals("C") ? "celsius" : "fahrenheit", h.text(), s + 1); // "1.5C", "95F"
        }
        if (!lex.unitFirstMap.contains(t.get(s))) {
            return null;
        }
        int best = -1;
        String bestUnit = null;
        for (int e = Math.min(n, s + lex.maxUnitWords); e > s; e--) {
            String u = lex.unitPhrases.get(t, s, e);
            if (u != null) {
                best = e;
                bestUnit = u;
                break;
            }
        }
        if (bestUnit == null) {
            return null;
        }
        Token head = t.get(s);
        String surf = surfaceOf(t, s, best);
        // single letters ("m", "t", "p", "g", "l", "w") only glued to the number: "5m", "3t"
        if (head.isWord() && head.lower().length() == 1 && !(head.glued() && best == s + 1)) {
            return null;
        }
        if (head.lower().length() <= 2 && !head.glued() && head.isWord() && !head.text().equals("%")
                && !isUnitAbbreviationSpaced(head)) {
            return null;
        }
        if (head.text().length() == 1 && Character.isUpperCase(head.text().charAt(0)) && best == s + 1
                && !(head.text().equals("W") || head.text().equals("L"))) {
            return null; // SI symbols are case-sensitive: "5G" is no five grams, "10M" no ten metres
        }
        if (bestUnit.equals("penny") && head.lower().equals("p") && (num.value > 200 || num.written)) {
            return null; // "1080p" is a resolution; pence come in small amounts ("50p")
        }
        if (bestUnit.equals("point") && num.written && num.value == 1 && num.start > 0 && t.is(num.start - 1, "at")) {
            return null; // "at one point"
        }
        if (bestUnit.equals("point") && (num.written && num.value < 1 || hyphen && num.value < 1)) {
            bestUnit = "percentage_point"; // "a quarter-point cut" is a rate move
        }
        return new Unit(bestUnit, surf, best);
    }

    private static boolean isUnitAbbreviationSpaced(Token head) {
        // "5 GW", "3 km", "10 pts": upper-case or well-known abbreviations may stand apart from the number
        String l = head.lower();
        return !head.text().equals(l) || l.equals("km") || l.equals("kg") || l.equals("mm") || l.equals("cm")
                || l.equals("mi") || l.equals("ft") || l.equals("lb") || l.equals("oz") || l.equals("ha")
                || l.equals("bp") || l.equals("pp");
    }

    /** Money written after the number: "700 billion yuan", "176 Hong Kong dollars", "200 USD", "one-yen". */
    private Unit currencyAfter(String text, TokenList t, int k) {
        int n = t.size();
        if (k + 1 < n && t.isSymbol(k, '-') && t.glued(k) && t.glued(k + 1) && t.isWord(k + 1)) {
            String code = lex.currencyMap.get(t.get(k + 1));
            if (code != null && t.get(k + 1).lower().length() > 3) {
                return new Unit(code, t.get(k + 1).text(), k + 2);
            }
            if (code != null && (t.is(k + 1, "yen") || t.is(k + 1, "yuan"))) {
                return new Unit(code, t.get(k + 1).text(), k + 2);
            }
        }
        if (k >= n || !lex.currencyFirstMap.contains(t.get(k))) {
            return null;
        }
        for (int e = Math.min(n, k + lex.maxCurrencyWords); e > k; e--) {
            String code = lex.currencyPhrases.get(t, k, e);
            if (code != null) {
                Token head = t.get(k);
                if (!head.isWord()) {
                    // "100 €", "100₾"; but "5 $10": a symbol before another number is that one's prefix
                    boolean nextNumber = e < n && (t.isNumber(e) || t.isWord(e)
                            && WrittenNumbers.startsNumber(t.get(e).lower()));
                    return nextNumber || e != k + 1 ? null : new Unit(code, head.text(), e);
                }
                if (head.text().length() == 3 && e == k + 1 && lex.currencyMap.contains(head)
                        && !head.text().equals(head.text().toUpperCase(Locale.ROOT))) {
                    String l = head.lower();
                    if (!(l.equals("yen") || l.equals("won") || l.equals("rmb"))) {
                        return null; // "try", "php" in lower case are words
                    }
                }
                if (head.is("won") && e == k + 1) {
                    return null; // "won" after a figure is usually the verb
                }
                return new Unit(code, surfaceOf(t, k, e), e);
            }
        }
        return null;
    }

    private record Noun(String word, int end) {
    }

    /** The counted noun after a figure: the last plural of the next few content words ("daily active users"). */
    private Noun countedNoun(TokenList t, int k, double value) {
        int n = t.size();
        String best = null;
        int bestEnd = -1;
        for (int j = k; j < n && j < k + 5; j++) {
            Token w = t.get(j);
            if (!w.isWord()) {
                if (w.isSymbol('-') && w.glued() && j + 1 < n && t.glued(j + 1) && t.isWord(j + 1)) {
                    continue; // "ground-mounted"
                }
                break;
            }
            if ((lex.wordClasses(w) & (Lexicon.FUNCTION | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.CHANGE)) != 0) {
                break;
            }
            if (w.capitalized() && j == k && !w.text().equals(w.text().toUpperCase(Locale.ROOT))) {
                // "50 Airbus A350-900 jets": names before a plural noun; "787 Dreamliner" alone is a name
                boolean namedFor = k > 0 && !hasUpper(t.get(k - 1)) || k == 0;
                for (int m = k + 1; namedFor && m < n && m < k + 5; m++) {
                    Token x = t.get(m);
                    if (x.isWord() && !x.capitalized() && isPlural(x.lower()) && !lex.isFunctionWord(x)) {
                        return new Noun(x.text(), m + 1);
                    }
                    if (!(x.isWord() && x.capitalized() || x.kind() == Token.Kind.CODE || x.isSymbol('-')
                            || x.isNumber())) {
                        break;
                    }
                }
                break;
            }
            if (isPlural(w.lower()) || (value == 1 && j == k)) {
                best = w.text();
                bestEnd = j + 1;
            }
        }
        return best == null ? null : new Noun(best, bestEnd);
    }

    private static boolean isPlural(String l) {
        if (IRREGULAR_PLURALS.contains(l)) {
            return true;
        }
        return l.length() > 2 && l.endsWith("s") && !l.endsWith("ss") && !l.endsWith("us") && !l.endsWith("is")
                && !l.endsWith("'s");
    }

    /** Figures that are never quantities, decided from the number and its neighbours. */
    private Match rejectNumber(TokenList t, Num num, String currency, boolean negative) {
        int n = t.size();
        int i = num.start;
        Token a = t.get(i);
        if (!a.isNumber()) {
            return null;
        }
        int after = num.end;
        // times: "10:30", "9 a.m."
        if (after + 1 < n && t.isSymbol(after, ':') && t.glued(after) && t.isNumber(after + 1)
                && t.glued(after + 1)) {
            return new Match(null, i, after + 2);
        }
        if (currency == null && after < n && t.isWord(after) && TIME_SUFFIXES_MAP.contains(t.get(after))
                && !num.scaled) {
            return new Match(null, i, after + 1);
        }
        if (currency == null && after + 1 < n && (t.is(after, "a") || t.is(after, "p"))
                && t.isSymbol(after + 1, '.') && t.glued(after + 1) && after + 2 < n
                && t.is(after + 2, "m")) {
            return new Match(null, i, after + 3);
        }
        // phone numbers and codes: three or more number groups joined by '-' or '.'
        if (currency == null && after + 3 < n && t.glued(after) && t.isSymbol(after, '-')
                && t.isNumber(after + 1) && t.isSymbol(after + 2, '-') && t.isNumber(after + 3)
                && t.glued(after + 2)) {
            return new Match(null, i, after + 4);
        }
        if (i >= 1) {
            Token p = t.get(i - 1);
            // "COVID-19", "A350-900", "No. 1", "#1"
            if ((p.isSymbol('-') || p.isSymbol('/')) && a.glued() && !negative && i >= 2 && p.glued()
                    && (t.isWord(i - 2) || t.kind(i - 2) == Token.Kind.CODE)) {
                return new Match(null, i, after);
            }
            if (p.isSymbol('#') && a.glued()) {
                return new Match(null, i, after);
            }
            if (p.isSymbol('(') && a.glued() && after + 1 < n && t.isSymbol(after, ')') && t.isNumber(after + 1)
                    && t.glued(after + 1)) {
                return new Match(null, i, after + 2); // "(0)40": a trunk prefix
            }
            // telephone numbers: "+49 40", "(0)40", "called 911"
            if (currency == null && (p.isSymbol('+') && a.glued() && !(after < n && t.isSymbol(after, '%'))
                    || p.isSymbol(')') && a.glued() && i >= 3 && t.isSymbol(i - 3, '(')
                    || p.is("call") || p.is("called") || p.is("dial") || p.is("dialed") || p.is("dialled"))) {
                return new Match(null, i, after);
            }
            if (p.isSymbol('.') && a.glued() && i >= 2 && (t.is(i - 2, "no") || t.is(i - 2, "nos"))) {
                return new Match(null, i, after);
            }
            if (p.isSymbol('.') && a.glued() && i >= 2 && t.isNumber(i - 2)) {
                return new Match(null, i, after);
            }
        }
        return null;
    }

    /** Bare figures (no unit, no currency) that are years, dates, ranks or names. */
    private boolean rejectBare(TokenList t, Num first, Num second, String unitName) {
        int n = t.size();
        Token a = t.get(first.start);
        if (a.isNumber() && second == null && !first.scaled) {
            double v = a.number();
            boolean integer = !a.hasDecimals() && a.text().indexOf(',') < 0 && v == Math.rint(v);
            int i = first.start;
            // years: "in 2024", "2019 is just not as strong as 2018"
            if (integer && v >= 1800 && v <= 2100 && a.text().length() == 4 && first.end - first.start == 1) {
                return true;
            }
            // dates: "Dec. 15", "June 15", "15 June", "15th of June"
            if (integer && v >= 1 && v <= 31) {
                int p = i - 1;
                if (p >= 0 && t.isSymbol(p, '.')) {
                    p--;
                }
                if (p >= 0 && t.isWord(p) && Lexicon.month(t.get(p)) != 0
                        && (t.get(p).capitalized())) {
                    return true;
                }
                int q = first.end;
                if (q < n && t.is(q, "of")) {
                    q++;
                }
                if (q < n && t.isWord(q) && t.get(q).capitalized() && Lexicon.month(t.get(q)) != 0) {
                    return true;
                }
            }
            // after a name a counted figure is a model number only when it is long: "Boeing 787 jets" but
            // "Osaro 3 goals"
            if (i >= 1 && (unitName == null || unitName.equals("count") && a.text().length() >= 3)) {
                Token p = t.get(i - 1);
                // ranks: "No 1", "number 3"
                if (p.is("no") || p.is("number") || p.is("nos") || p.is("rank") || p.is("ranked")) {
                    return true;
                }
                // names: "Boeing 787", "S&P 500", "iPhone 11", "Section 3"
                if (integer && (p.isWord() || p.kind() == Token.Kind.CODE) && hasUpper(p) && !sentenceStart(t, i - 1)
                        && (lex.wordClasses(p) & (Lexicon.MONTH | Lexicon.FUNCTION)) == 0) {
                    return true;
                }
                if (integer && p.isWord() && p.is("s") && i >= 3 && t.get(i - 2).text().matches("['’]")
                        && hasUpper(t.get(i - 3))) {
                    return true; // "Boeing's 787"
                }
            }
            // street addresses: "3170 W. County Road", "10 Downing Street"
            if (integer && unitName == null && isAddress(t, first.end)) {
                return true;
            }
            // a name after the figure: "737 Max", "787 Dreamliner"
            if (integer && unitName == null && first.end < n) {
                Token q = t.get(first.end);
                if ((q.isWord() || q.kind() == Token.Kind.CODE) && hasUpper(q) && !q.text().equals(q.text().toUpperCase(Locale.ROOT))
                        && q.spaceBefore() && Lexicon.month(q) == 0 && !lex.isFunctionWord(q)) {
                    return true;
                }
            }
            // a bare number between two others is a table cell ("5040 5 1 17 27")
            if (integer && unitName == null && i >= 1 && first.end < n && t.isNumber(i - 1)
                    && t.isNumber(first.end) && t.spaceBefore(i) && t.spaceBefore(first.end)) {
                return true;
            }
            // a number right after another ("400 737 Max jets", "five 787 Dreamliner sales") is a name
            if (integer && i >= 1 && t.spaceBefore(i) && (t.isNumber(i - 1)
                    || t.isWord(i - 1) && WrittenNumbers.isNumberWord(t.get(i - 1).lower()))
                    && first.end < n && hasUpper(t.get(first.end))) {
                return true;
            }
            // "the 777 program": a bare number between a determiner and a singular noun names a model
            if (integer && unitName == null && i >= 1 && first.end < n && (t.is(i - 1, "the")
                    || t.is(i - 1, "its") || t.is(i - 1, "their")) && t.isWord(first.end)
                    && !lex.isFunctionWord(t.get(first.end)) && !t.is(first.end, "of")) {
                return true;
            }
        }
        // "two-class layout", "a three-time winner": a number glued into a compound adjective
        if (second == null && unitName == null && first.end + 1 < n && t.isSymbol(first.end, '-')
                && t.glued(first.end) && t.glued(first.end + 1) && t.isWord(first.end + 1)) {
            return true;
        }
        if (first.start >= 1 && (t.is(first.start - 1, "number") || t.is(first.start - 1, "no"))
                && ("count".equals(unitName) || unitName == null) && second == null) {
            return true; // "the number one buyer"
        }
        // "4K", "1080p", "5G": digits glued to letters that are no unit make a code
        if (a.isNumber() && second == null && first.end < n && t.isWord(first.end) && t.glued(first.end)
                && !"count".equals(unitName) && !"year".equals(unitName)) {
            return true;
        }
        if (!a.isNumber() && first.value == 1 && first.start > 0 && t.is(first.start - 1, "at") && first.end < n
                && t.is(first.end, "point")) {
            return true; // "at one point"
        }
        // "Big Ten", "Group of Seven": a capitalised number word inside a name
        if (!a.isNumber() && a.capitalized() && !sentenceStart(t, first.start) && second == null) {
            return true;
        }
        // "[1]": a citation mark
        if (a.isNumber() && first.start > 0 && t.isSymbol(first.start - 1, '[') && first.end < n
                && t.isSymbol(first.end, ']') && second == null && unitName == null) {
            return true;
        }
        if (!a.isNumber() && second == null && unitName == null) {
            // "one of the", "no one": a written "one" alone is a pronoun
            if (first.value == 1 && first.end - first.start == 1 && a.is("one") && !(first.start > 0
                    && (t.is(first.start - 1, "minus") || t.is(first.start - 1, "negative")))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> DIRECTIONS = Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw");
    private static final WordMap<Boolean> DIRECTIONS_MAP = WordMap.setOf(DIRECTIONS);
    private static final Set<String> STREETS = Set.of("street", "st", "avenue", "ave", "road", "rd", "boulevard",
            "blvd", "drive", "dr", "lane", "ln", "way", "court", "ct", "place", "pl", "highway", "hwy", "parkway");
    private static final WordMap<Boolean> STREETS_MAP = WordMap.setOf(STREETS);

    /** A street address after a number: a compass letter ("W.") or a capitalised name ending in a street word. */
    private static boolean isAddress(TokenList t, int k) {
        int n = t.size();
        if (k >= n || !t.isWord(k) || !t.get(k).capitalized()) {
            return false;
        }
        if (DIRECTIONS_MAP.contains(t.get(k)) && t.get(k).text().equals(t.get(k).text().toUpperCase(Locale.ROOT))) {
            return true;
        }
        for (int j = k; j < n && j < k + 4; j++) {
            Token w = t.get(j);
            if (!w.isWord() || !w.capitalized()) {
                return false;
            }
            if (j > k && STREETS_MAP.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUpper(Token t) {
        String s = t.text();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceStart(TokenList t, int i) {
        if (i == 0) {
            return true;
        }
        Token p = t.get(i - 1);
        return p.kind() == Token.Kind.SYMBOL && (p.isSymbol('.') || p.isSymbol('"') || p.isSymbol('“')
                || p.isSymbol('!') || p.isSymbol('?') || p.isSymbol(':') || p.isSymbol('(') || p.isSymbol('—'));
    }

    private static final Set<String> QUALIFIER_GAP = Set.of("an", "a", "additional", "further", "extra", "another",
            "estimated");
    private static final WordMap<Boolean> QUALIFIER_GAP_MAP = WordMap.setOf(QUALIFIER_GAP);

    /** The qualifier phrase ending just before token {@code s}, over "an additional" and the like. */
    private Qualifier qualifier(TokenList t, int s) {
        Qualifier q = qualifierAt(t, s);
        int k = s;
        while (q == Qualifier.EXACT && k > 0 && k > s - 2 && QUALIFIER_GAP_MAP.contains(t.get(k - 1))) {
            k--;
            q = qualifierAt(t, k);
        }
        return q;
    }

    private Qualifier qualifierAt(TokenList t, int s) {
        for (int len = lex.maxQualifierWords; len >= 1; len--) {
            if (s - len < 0) {
                continue;
            }
            Qualifier q = lex.qualifierPhrases.get(t, s - len, s);
            if (q != null) {
                return q;
            }
        }
        return Qualifier.EXACT;
    }

    private int qualifierLength(TokenList t, int s) {
        for (int len = lex.maxQualifierWords; len >= 1; len--) {
            if (s - len >= 0 && lex.qualifierPhrases.get(t, s - len, s) != null) {
                return len;
            }
        }
        return 0;
    }

    /** Change words around a figure: "rose 5%", "down by 30", "an increase of 0.3 percent", "a 10% drop". */
    private Change change(TokenList t, int before, int after, String unit) {
        int n = t.size();
        int j = before - 1;
        if (j >= 0 && (t.is(j, "from") || t.is(j, "to") || t.is(j, "at"))) {
            return null; // "down from 1.808%", "to $55.12": a level
        }
        if (j >= 0 && t.is(j, "of") && j >= 1) {
            Change c = lex.changeMap.get(t.get(j - 1));
            if (c != null && !t.is(j - 1, "loss") && !t.is(j - 1, "losses")) {
                return c; // "an increase of 5%"; "a loss of $5 million" is a level
            }
            if (j >= 2 && lex.changeMap.contains(t.get(j - 2)) && t.isWord(j - 1)
                    && (t.is(j - 1, "just") || t.is(j - 1, "only") || t.is(j - 1, "about"))) {
                return lex.changeMap.get(t.get(j - 2));
            }
        }
        boolean by = false;
        int steps = 0;
        while (j >= 0 && steps < 4) {
            Token p = t.get(j);
            if (!p.isWord()) {
                break;
            }
            Change c = lex.changeMap.get(p);
            if (c != null && !p.is("growth") && !p.is("loss") || c != null && by) {
                if (!(p.is("up") && j + 1 < n && t.is(j + 1, "to"))) {
                    return c;
                }
            }
            if (p.is("by")) {
                by = true;
                break;
            }
            if (p.is("of") && j >= 1 && lex.changeMap.contains(t.get(j - 1)) && !t.is(j - 1, "loss")
                    && !t.is(j - 1, "losses")) {
                return lex.changeMap.get(t.get(j - 1)); // "an increase of just 0.3 percent"
            }
            if (!FILLERS_MAP.contains(p) && !lex.isQualifierWord(p)) {
                break;
            }
            j--;
            steps++;
        }
        if (by) {
            // "cut its benchmark interest rate by a quarter-point", "expand the fleet by 30%"
            for (int k = j - 1; k >= 0 && k >= j - 8; k--) {
                Token p = t.get(k);
                if (p.kind() == Token.Kind.SYMBOL && !p.isSymbol('-') && !p.isSymbol('’') && !p.isSymbol('\'')) {
                    break;
                }
                Change c = lex.changeMap.get(p);
                if (c != null) {
                    return c;
                }
            }
        }
        // after: "0.68% higher", "a 10% drop"
        if (after < n && t.isWord(after) && CHANGE_AFTER_MAP.contains(t.get(after))
                && (unit != null && !unit.equals("count"))) {
            return lex.changeMap.get(t.get(after));
        }
        return null;
    }

    /** A short phrase for what the figure is about: the content words before it in its clause and its noun. */
    private String concept(TokenList t, int before, int after, String surfaceUnit, String unit) {
        List<String> words = new ArrayList<>();
        // read from the token arrays: only the words kept become Token objects
        for (int j = before - 1; j >= 0 && j >= before - 10 && words.size() < 5; j--) {
            if (t.kind(j) == Token.Kind.SYMBOL) {
                // earlier figures of the clause ("rose 5% to $3.2 billion") are skipped, punctuation ends it
                if (t.isSymbol(j, '\'') || t.isSymbol(j, '’') || t.isSymbol(j, '-') || t.isSymbol(j, '&')
                        || t.isSymbol(j, '%') || t.in(j, CURRENCY_SYMBOL_MAP)) {
                    continue;
                }
                break;
            }
            if (t.isNumber(j) || t.in(j, lex.scaleMap)) {
                continue;
            }
            if (t.in(j, BOUNDARY_WORDS_MAP)) {
                break;
            }
            Integer classes = t.lookup(j, lex.wordClassMap());
            if ((classes == null || (classes & (Lexicon.FUNCTION | Lexicon.CHANGE)) == 0) && !t.is(j, "s")) {
                words.add(0, t.get(j).text());
            }
        }
        if ("count".equals(unit) && surfaceUnit != null) {
            words.add(surfaceUnit);
        } else if (after + 1 < t.size() && t.is(after, "of") && t.isWord(after + 1)) {
            for (int j = after + 1; j < t.size() && j < after + 5; j++) {
                Token w = t.get(j);
                if (!w.isWord() || lex.isFunctionWord(w)) {
                    break;
                }
                words.add(w.text());
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** Unit inheritance: "fell 102.2 points, or 0.36%, to 27,934.02" makes the last figure points too. */
    private Quantity inheritUnit(TokenList t, Match m, List<Quantity> found, List<int[]> spans) {
        Quantity q = m.quantity;
        if (q.unit() != null || m.start == 0 || !(t.is(m.start - 1, "to") || t.is(m.start - 1, "at")
                || t.is(m.start - 1, "from"))) {
            return q;
        }
        int limit = m.start;
        for (int k = found.size() - 1; k >= 0; k--) {
            int[] span = spans.get(k);
            if (limit - span[1] > 12 || crossesSentence(t, span[1], limit)) {
                break;
            }
            Quantity p = found.get(k);
            String u = p.unit();
            if (u != null && !u.equals("percent") && !u.equals("count") && !Lexicon.durationUnits().contains(u)) {
                return new Quantity(q.text(), q.start(), q.end(), q.value(), q.low(), q.high(), u, p.surfaceUnit(),
                        q.qualifier(), q.change(), q.concept());
            }
            limit = span[0];
        }
        return q;
    }

    private static final Set<Qualifier> LOWER_BOUND = Set.of(Qualifier.MORE_THAN, Qualifier.AT_LEAST);
    private static final Set<Qualifier> UPPER_BOUND = Set.of(Qualifier.LESS_THAN, Qualifier.AT_MOST);

    /**
     * "more than 10 and less than 20", "at most 100 and at least 20": two bounds joined by "and", "but" or a
     * comma make one range; null when {@code b} does not close such a pair with {@code a}.
     */
    private Quantity twoSided(String text, Quantity a, Quantity b) {
        boolean up = LOWER_BOUND.contains(a.qualifier()) && UPPER_BOUND.contains(b.qualifier());
        boolean down = UPPER_BOUND.contains(a.qualifier()) && LOWER_BOUND.contains(b.qualifier());
        if (!(up || down) || a.low() != null || b.low() != null || a.value() == null || b.value() == null
                || b.start() < a.end() || !(java.util.Objects.equals(a.unit(), b.unit())
                || a.unit() == null && "count".equals(b.unit()) || b.unit() == null && "count".equals(a.unit()))) {
            return null;
        }
        String gap = text.substring(a.end(), b.start()).strip().toLowerCase(Locale.ROOT);
        String rest;
        if (gap.startsWith("and ") || gap.startsWith("but ")) {
            rest = gap.substring(4).strip();
        } else if (gap.startsWith(",")) {
            rest = gap.substring(1).strip();
        } else {
            return null;
        }
        if (!lex.qualifiers.containsKey(rest.replaceAll("\\s+", " "))) {
            return null;
        }
        double lo = up ? a.value() : b.value();
        double hi = up ? b.value() : a.value();
        if (!(lo < hi)) {
            return null;
        }
        String unit = a.unit() != null ? a.unit() : b.unit();
        String surface = a.surfaceUnit() != null ? a.surfaceUnit() : b.surfaceUnit();
        return new Quantity(text.substring(a.start(), b.end()), a.start(), b.end(), (lo + hi) / 2, lo, hi, unit,
                surface, Qualifier.EXACT, a.change(), a.concept());
    }

    /** "fell 102.2 points, or 0.36%": the restated figure moves the same way. */
    private static Quantity inheritChange(TokenList t, Match m, Quantity q, List<Quantity> found, List<int[]> spans) {
        if (q.change() != null || found.isEmpty() || m.start < 2 || !t.is(m.start - 1, "or")) {
            return q;
        }
        int[] last = spans.get(spans.size() - 1);
        Quantity p = found.get(found.size() - 1);
        if (p.change() == null || m.start - last[1] > 2) {
            return q;
        }
        return new Quantity(q.text(), q.start(), q.end(), q.value(), q.low(), q.high(), q.unit(), q.surfaceUnit(),
                q.qualifier(), p.change(), q.concept());
    }

    private static boolean crossesSentence(TokenList t, int from, int to) {
        for (int k = from; k < to; k++) {
            Token p = t.get(k);
            if (p.isSymbol('.') || p.isSymbol(';') || p.isSymbol('!') || p.isSymbol('?')) {
                return true;
            }
        }
        return false;
    }

    /** Lookup key for tokens [from, to): lowercase, one space where the text had whitespace. */
    static String key(List<Token> t, int from, int to) {
        if (to - from == 1) {
            return t.get(from).lower();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && t.get(k).spaceBefore()) {
                sb.append(' ');
            }
            sb.append(t.get(k).lower());
        }
        return sb.toString();
    }

    private static String surface(String text, TokenList t, int from, int to) {
        return text.substring(t.get(from).start(), t.get(to - 1).end());
    }

    private static String surfaceOf(TokenList t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && t.spaceBefore(k)) {
                sb.append(' ');
            }
            sb.append(t.get(k).text());
        }
        return sb.toString();
    }
}
