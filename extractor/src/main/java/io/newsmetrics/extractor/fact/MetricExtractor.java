package io.newsmetrics.extractor.fact;

import io.newsmetrics.extractor.quantity.Lexicon;
import io.newsmetrics.extractor.quantity.Quantity;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.extractor.quantity.TextSpan;
import io.newsmetrics.extractor.quantity.WordMap;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.MetricEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an article into metric facts: for each quantity that reports the level or change of something, one
 * {@link MetricEvent} with an indicator named from the words around the figure, a subject, a period resolved
 * against the publication date, and the sentence as evidence.
 *
 * <p>Evidence offsets point into {@link Article#text()}. A figure found only in the title has evidence whose
 * sentence is the title and whose offsets point into the title; a title figure that restates a body figure
 * (same value and unit) yields no event of its own. Thread-safe and immutable.
 */
public final class MetricExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(MetricExtractor.class);

    /** Sentences at the start of an article whose time, stated without figures, may be its reference period. */
    static final int REFERENCE_LEAD_SENTENCES = 10;

    /** Relative difference under which a title figure counts as a rounded restatement of a body figure. */
    static final double TITLE_ROUNDING = 0.05;

    /** Sentences longer than this are cut for context analysis (the figures in them are still found). */
    static final int MAX_SENTENCE_CHARS = 4000;

    private static final Set<String> CLAUSE_WORDS = Set.of("while", "whereas", "but", "although", "though",
            "which", "who", "despite", "because", "including");
    /** Change words that are also nouns naming an indicator ("annual growth rate"). */
    private static final Set<String> CHANGE_NOUNS = Set.of("growth", "increase", "decline", "drop", "gain", "loss",
            "rise", "fall", "reduction", "cut", "contraction", "slump", "surge", "jump", "hike", "gains", "losses");
    private static final Set<String> NOT_SUBJECT = Set.of("the", "a", "an", "in", "on", "at", "as", "of", "for",
            "and", "but", "while", "according", "this", "that", "it", "its", "these", "those", "there", "they", "we",
            "he", "she", "i", "to", "by", "from", "with", "after", "before", "since", "during", "despite", "although",
            "however", "meanwhile", "also", "some", "all", "about", "nearly", "more", "over", "under", "up", "down",
            "last", "late", "early", "earlier", "later", "local", "new", "benchmark", "three-month", "spot", "emerging",
            "industry", "consumers", "dealers", "nationally", "his", "her", "their", "our", "one", "two",
            "said", "say", "says", "ltd", "inc");

    /** The same word lists, looked up over words without lowercasing them first. */
    private static final WordMap<Boolean> CLAUSE_WORD_MAP = WordMap.setOf(CLAUSE_WORDS);
    private static final WordMap<Boolean> CHANGE_NOUN_MAP = WordMap.setOf(CHANGE_NOUNS);
    private static final WordMap<Boolean> NOT_SUBJECT_MAP = WordMap.setOf(NOT_SUBJECT);

    private final QuantityRecognizer recognizer;
    private final IndicatorNamer namer;
    private final Lexicon lex;

    private MetricExtractor(QuantityRecognizer recognizer, IndicatorNamer namer) {
        this.recognizer = recognizer;
        this.namer = namer;
        this.lex = recognizer.lexicon();
    }

    /** An extractor with the bundled word lists. */
    public static MetricExtractor create() {
        return new MetricExtractor(QuantityRecognizer.create(), IndicatorNamer.load());
    }

    /**
     * The metric facts of one article, one event per fact, in text order (title-only facts last).
     *
     * @throws NullPointerException when {@code article} is null
     */
    public List<MetricEvent> extract(Article article) {
        Objects.requireNonNull(article, "article");
        PeriodResolver periods = PeriodResolver.of(article.publishedAt());
        MetricEvent.Source source = new MetricEvent.Source(article.url(), article.title(), article.publishedAt());
        Map<String, MetricEvent> events = new LinkedHashMap<>();
        try {
            String[] reference = {null};
            List<Candidate> body = candidates(article.text(), periods, reference);
            Set<Figure> seenFigures = new java.util.HashSet<>();
            Set<Fact> seenFacts = new java.util.HashSet<>();
            Map<Figure, List<Candidate>> kept = new java.util.HashMap<>();
            for (Candidate c : body) {
                // one event per fact: a restatement of the same figure about the same subject is dropped
                Figure figure = Figure.of(c.q);
                Fact fact = new Fact(figure, c.subjectKey);
                boolean anaphoric = seenFigures.contains(figure) && refersBack(article.text(), c.q.start());
                boolean restated = false;
                for (Candidate prior : kept.getOrDefault(figure, List.of())) {
                    if (overlaps(prior, c)) {
                        restated = true;
                        break;
                    }
                }
                if (seenFacts.add(fact) && !anaphoric && !restated) {
                    kept.computeIfAbsent(figure, f -> new ArrayList<>()).add(c);
                    MetricEvent e = toEvent(article, c, source);
                    events.putIfAbsent(e.id(), e);
                }
                seenFigures.add(figure);
            }
            if (article.title() != null && !article.title().isBlank()) {
                // a headline states no time of its own: it takes the body's reference period
                for (Candidate c : candidates(article.title(), periods, reference)) {
                    if (body.stream().noneMatch(b -> roughlySameFigure(b.q, c.q))) {
                        MetricEvent e = toEvent(article, c, source);
                        events.putIfAbsent(e.id(), e);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("metric extraction failed for {}: {}", article.url(), e.toString());
        }
        return List.copyOf(events.values());
    }

    /**
     * What makes two mentions the same figure: value, bounds, unit (none is a count) and change. Equal exactly
     * when their texts ({@code value|low|high|unit|change}) would be: distinct doubles print differently.
     */
    private record Figure(Double value, Double low, Double high, String unit, Change change) {
        static Figure of(Quantity q) {
            return new Figure(q.value(), q.low(), q.high(), q.unit() == null ? "count" : q.unit(), q.change());
        }
    }

    /** A figure about a subject (lowercase, empty when none). */
    private record Fact(Figure figure, String subject) {
    }

    /** Two mentions of one fact: compatible subjects and a shared name-like word in their labels. */
    private static boolean overlaps(Candidate a, Candidate b) {
        String sa = a.subjectKey();
        String sb = b.subjectKey();
        if (!(sa.isEmpty() || sb.isEmpty() || sa.contains(sb) || sb.contains(sa))) {
            return false;
        }
        // the label words of more than two chars that begin with a capital, compared lowercased, pair by pair:
        // labels hold a few words, so this costs less than a set of lowercased copies
        String la = a.label == null ? "" : a.label;
        String lb = b.label == null ? "" : b.label;
        for (int bs = 0, be; bs <= lb.length(); bs = be + 1) {
            be = wordEnd(lb, bs);
            if (!isNameLike(lb, bs, be)) {
                continue;
            }
            for (int as = 0, ae; as <= la.length(); as = ae + 1) {
                ae = wordEnd(la, as);
                if (isNameLike(la, as, ae) && sameLowercase(la, as, ae, lb, bs, be)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The end of the word of {@code label.split(" ")} that begins at {@code from}. */
    private static int wordEnd(String label, int from) {
        int e = label.indexOf(' ', from);
        return e < 0 ? label.length() : e;
    }

    private static boolean isNameLike(String label, int start, int end) {
        return end - start > 2 && Character.isUpperCase(label.charAt(start));
    }

    /** Whether two words are equal once lowercased ({@link Locale#ROOT}); in place for ASCII words. */
    private static boolean sameLowercase(String x, int xs, int xe, String y, int ys, int ye) {
        boolean ascii = true;
        for (int i = xs; i < xe && ascii; i++) {
            ascii = x.charAt(i) < 128;
        }
        for (int i = ys; i < ye && ascii; i++) {
            ascii = y.charAt(i) < 128;
        }
        if (!ascii) {
            return x.substring(xs, xe).toLowerCase(Locale.ROOT).equals(y.substring(ys, ye).toLowerCase(Locale.ROOT));
        }
        return xe - xs == ye - ys && x.regionMatches(true, xs, y, ys, xe - xs);
    }

    /** "that 8.69 GW", "the $12.9bn": a figure that points back at one already reported. */
    private static boolean refersBack(String text, int start) {
        int e = start;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        String w = text.substring(b, e).toLowerCase(Locale.ROOT);
        return w.equals("that") || w.equals("this") || w.equals("those") || w.equals("these") || w.equals("the");
    }

    /** A headline rounds: "$9 billion" in the title restates "$8.8 billion" in the body. */
    private static boolean roughlySameFigure(Quantity a, Quantity b) {
        return Objects.equals(a.unit() == null ? "count" : a.unit(), b.unit() == null ? "count" : b.unit())
                && a.value() != null && b.value() != null
                && Math.abs(a.value() - b.value()) <= TITLE_ROUNDING * Math.abs(b.value()) + 1e-9;
    }

    /** One figure with everything resolved about it. */
    private record Candidate(Quantity q, String label, String subject, String period, Sentences.Sentence sentence,
                             List<MetricEvent.Amount> alternatives, String subjectKey) {
        Candidate(Quantity q, String label, String subject, String period, Sentences.Sentence sentence,
                  List<MetricEvent.Amount> alternatives) {
            this(q, label, subject, period, sentence, alternatives,
                    subject == null ? "" : subject.toLowerCase(Locale.ROOT));
        }
    }

    private MetricEvent toEvent(Article article, Candidate c, MetricEvent.Source source) {
        Quantity q = c.q;
        String unit = q.unit() == null ? "count" : q.unit();
        String named = namer.indicatorOf(c.label, q.surfaceUnit() != null ? q.surfaceUnit() : unit);
        // a reported change ("sales fell 10 percent") is its own indicator beside the level ("sales were 30,154"):
        // under one key, a newer change would replace the level as the latest value
        String indicator = q.change() == null ? named : named + "-change";
        // keyOf folds the subject to ASCII for the key (the schema allows [a-z0-9-]); the subject stays as written
        String key = MetricEvent.keyOf(c.subject, indicator);
        String id = MetricEvent.idOf(article.canonicalUrl(), key, q.value(), q.low(), q.high(), unit, q.change(),
                c.period);
        return new MetricEvent(MetricEvent.SCHEMA_VERSION, id, indicator, c.label, c.subject, key, q.value(), q.low(),
                q.high(), unit, q.surfaceUnit(), q.qualifier(), q.change(), c.period, c.alternatives, source,
                new MetricEvent.Evidence(c.sentence.text(), q.start(), q.end()));
    }

    /**
     * The figures of a text. {@code reference[0]} is the reference period to use when the text states none; on
     * return it holds the reference period used.
     */
    private List<Candidate> candidates(String text, PeriodResolver periods, String[] referenceHolder) {
        List<Quantity> all = recognizer.recognize(text);
        List<Sentences.Sentence> sentences = Sentences.split(text);
        List<Candidate> out = new ArrayList<>();
        Map<Integer, List<PeriodResolver.Expression>> found = new java.util.HashMap<>();
        String reference = reference(all, sentences, periods, found);
        if (reference == null) {
            reference = referenceHolder[0];
        }
        referenceHolder[0] = reference;
        String carry = null;
        List<Integer> pending = new ArrayList<>();
        int paragraph = -1;
        String lastSubject = null;
        String articleSubject = null; // the first subject named next to a figure: the default of later paragraphs
        int qi = 0;
        for (int si = 0; si < sentences.size(); si++) {
            Sentences.Sentence s = sentences.get(si);
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                lastSubject = articleSubject; // a subject carries within its paragraph only
                carry = null;
                pending.clear();
            }
            int contextEnd = s.start() + Math.min(s.length(), MAX_SENTENCE_CHARS);
            List<Quantity> inSentence = null;
            boolean metric = false;
            while (qi < all.size() && all.get(qi).start() < s.end()) {
                Quantity q = all.get(qi);
                if (q.start() >= s.start() && q.end() <= contextEnd) {
                    if (inSentence == null) {
                        inSentence = new ArrayList<>(4);
                    }
                    inSentence.add(q);
                    metric |= isMetric(q);
                }
                qi++;
            }
            if (!metric) {
                pending.add(si); // may set the time for figures that follow in its paragraph
                continue;
            }
            String st = context(s);
            // a sentence without figures can set the time for those that follow ("In the first half of 2025, ...");
            // read them only now that a figure needs it, latest first
            for (int p = pending.size() - 1; p >= 0; p--) {
                int ps = pending.get(p);
                String time = carried(found.containsKey(ps) ? found.get(ps)
                        : periods.find(context(sentences.get(ps))));
                if (time != null) {
                    carry = time;
                    break;
                }
            }
            pending.clear();
            List<PeriodResolver.Expression> exprs = found.containsKey(si) ? found.get(si) : periods.find(st);
            List<Word> words = words(st, 0, st.length());
            String sentencePeriod = null;
            String previousSubject = null;
            for (int k = 0; k < inSentence.size(); k++) {
                Quantity q = inSentence.get(k);
                if (!isMetric(q) || isSourcing(st, q.end() - s.start()) || isReference(st, q, s.start())
                        || isArticleOne(q)) {
                    continue;
                }
                // "700 billion yuan ($97.5 billion)": the bracketed figure is the same fact in another unit
                List<MetricEvent.Amount> alts = new ArrayList<>();
                if (k + 1 < inSentence.size() && isBracketed(text, q, inSentence.get(k + 1))) {
                    Quantity alt = inSentence.get(k + 1);
                    if (alt.value() != null && alt.unit() != null) {
                        alts.add(new MetricEvent.Amount(alt.value(), alt.unit()));
                    }
                }
                if (k > 0 && isBracketed(text, inSentence.get(k - 1), q) && isMetric(inSentence.get(k - 1))) {
                    continue;
                }
                int qs = q.start() - s.start();
                int qe = q.end() - s.start();
                int first = firstWordAtOrAfter(words, qs);
                int last = firstWordAtOrAfter(words, qe);
                int[] from = {first};
                String label = label(words, first, last, q, inSentence, s.start(), from);
                String subject = subject(words, from[0], first);
                if (subject == null) {
                    subject = previousSubject;
                }
                if (subject == null) {
                    subject = subject(words, 0, first);
                }
                if (subject == null) {
                    subject = lastSubject;
                }
                previousSubject = subject;
                lastSubject = subject;
                if (articleSubject == null) {
                    articleSubject = subject;
                }
                String period = period(st, qs, qe, q, exprs, inSentence, s.start(), periods);
                if (period == null && q.change() != null && isMarketMove(label + " " + subject) && periods.published() != null) {
                    period = periods.published().toString(); // "the stock was down 5%": today's move
                }
                if (period == null) {
                    // "20 days after its launch": dated by an event we cannot place, so no inherited time
                    period = eventRelative(st, inSentence, s.start()) ? null : carry != null ? carry : reference;
                } else if (!stampOnly(exprs)) {
                    sentencePeriod = period;
                }
                out.add(new Candidate(q, label, subject, period, s, alts));
            }
            if (sentencePeriod != null) {
                carry = sentencePeriod;
            }
        }
        return out;
    }

    /**
     * The article's reference period: the first time stated in a sentence with a figure (captions and datelines
     * before the story carry none), else the first time stated anywhere, else null.
     */
    private static String reference(List<Quantity> all, List<Sentences.Sentence> sentences, PeriodResolver periods,
                                    Map<Integer, List<PeriodResolver.Expression>> found) {
        String any = null;
        int qi = 0;
        for (int si = 0; si < sentences.size(); si++) {
            Sentences.Sentence s = sentences.get(si);
            boolean figure = false;
            while (qi < all.size() && all.get(qi).start() < s.end()) {
                figure |= all.get(qi).start() >= s.start() && isMetric(all.get(qi));
                qi++;
            }
            if (si >= REFERENCE_LEAD_SENTENCES) {
                break; // the reference period is stated in the lead
            }
            if (!figure && any != null) {
                continue;
            }
            List<PeriodResolver.Expression> exprs = periods.find(context(s));
            found.put(si, exprs); // read again when a figure of the lead needs it
            for (PeriodResolver.Expression e : exprs) {
                if (!e.relative() && !e.comparison()) {
                    if (figure) {
                        return e.period();
                    }
                    any = any == null ? e.period() : any;
                    break;
                }
            }
        }
        return any;
    }

    /** The part of a sentence read for context: all of it, or its first {@link #MAX_SENTENCE_CHARS}. */
    private static String context(Sentences.Sentence s) {
        return s.length() > MAX_SENTENCE_CHARS ? s.text().substring(0, MAX_SENTENCE_CHARS) : s.text();
    }

    private static final Set<String> MARKET_WORDS = Set.of("stock", "stocks", "share", "shares", "index", "futures",
            "yield", "yields", "price", "prices", "dollar", "euro", "yen", "sterling", "bond", "bonds", "crude", "gold",
            "composite", "nikkei", "kospi");

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** A daily market move: the label names a stock, index, price or currency. */
    private static boolean isMarketMove(String label) {
        for (String w : NON_ALPHANUMERIC.split(label.toLowerCase(Locale.ROOT))) {
            if (MARKET_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The period a sentence passes on to the next ones: its first plain time expression, or null. */
    private static String carried(List<PeriodResolver.Expression> exprs) {
        for (PeriodResolver.Expression e : exprs) {
            if (!e.relative() && !e.comparison() && !e.stamp()) {
                return e.period();
            }
        }
        return null;
    }

    /** A sentence that dates its figures by an event: a duration followed by "after" or "since". */
    private static boolean eventRelative(String s, List<Quantity> inSentence, int sentenceStart) {
        for (Quantity q : inSentence) {
            if (Lexicon.isDuration(q.unit())) {
                int e = q.end() - sentenceStart;
                String rest = e >= 0 && e < s.length() ? s.substring(e, Math.min(s.length(), e + 8)) : "";
                if (rest.startsWith(" after") || rest.startsWith(" since")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a sentence's only times are "as of" stamps, which hold for that sentence alone. */
    private static boolean stampOnly(List<PeriodResolver.Expression> exprs) {
        for (PeriodResolver.Expression e : exprs) {
            if (!e.stamp()) {
                return false;
            }
        }
        return true;
    }

    /** "two people familiar with the matter", "three sources said": who spoke, not what was measured. */
    private static boolean isSourcing(String s, int end) {
        if (end < 0 || end >= s.length()) {
            return false;
        }
        for (String phrase : SOURCING) {
            if (startsWithLower(s, end, phrase)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SOURCING = {" people familiar", " people briefed", " people close to",
        " people with direct", " sources familiar", " sources", " officials said", " people with knowledge",
        " analysts polled", " economists polled"};

    /**
     * Whether {@code s.substring(at).toLowerCase(Locale.ROOT)} starts with {@code lower}, an ASCII phrase that ends
     * in no 'i', compared in place: a char that lowercases otherwise than alone ('İ', 'Σ', surrogates) becomes
     * no ASCII letter it could match, and 'İ' lengthens to 'i' and a combining dot, which ends any match.
     */
    private static boolean startsWithLower(String s, int at, String lower) {
        if (s.length() - at < lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (WordMap.fold(s.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** "one problem", "one woman": a written "one" counts a single thing, which is no metric. */
    private static boolean isArticleOne(Quantity q) {
        return q.value() != null && q.value() == 1 && q.low() == null && q.text().regionMatches(true, 0, "one", 0, 3)
                && (q.unit() == null || "count".equals(q.unit()));
    }

    /** "the two countries", "both companies": a small written number that refers back, not a measurement. */
    private static boolean isReference(String s, Quantity q, int sentenceStart) {
        int qs = q.start() - sentenceStart;
        if (q.value() == null || q.value() > 12 || q.text().isEmpty() || !Character.isLetter(q.text().charAt(0))) {
            return false;
        }
        return precededBy(s, qs, "the") || precededBy(s, qs, "these") || precededBy(s, qs, "those")
                || precededBy(s, qs, "its") || precededBy(s, qs, "their");
    }

    /** Durations, ages and ratios describe time spans or comparisons, not the level of something. */
    private static boolean isMetric(Quantity q) {
        return q.value() != null && !Lexicon.isDuration(q.unit()) && !"times".equals(q.unit());
    }

    private static boolean isBracketed(String text, Quantity a, Quantity b) {
        if (b.start() < a.end()) {
            return false;
        }
        String between = text.substring(a.end(), b.start()).strip();
        return (between.equals("(") || between.equals("[")) && b.end() < text.length()
                && (text.charAt(b.end()) == ')' || text.charAt(b.end()) == ']')
                && a.unit() != null && b.unit() != null && !a.unit().equals(b.unit())
                && isMoney(a.unit()) == isMoney(b.unit());
    }

    private static boolean isBracketed(String s, Quantity a, Quantity b, int sentenceStart) {
        int ae = a.end() - sentenceStart;
        int bs = b.start() - sentenceStart;
        int be = b.end() - sentenceStart;
        if (bs < ae || ae < 0 || be > s.length()) {
            return false;
        }
        String between = s.substring(ae, bs).strip();
        return (between.equals("(") || between.equals("[")) && be < s.length()
                && (s.charAt(be) == ')' || s.charAt(be) == ']');
    }

    private static boolean isMoney(String unit) {
        return unit != null && unit.length() == 3 && unit.equals(unit.toUpperCase(Locale.ROOT))
                && Character.isLetter(unit.charAt(0));
    }

    /**
     * A word of a sentence with its offsets; punctuation marks are words of their own. Its strings are cut from
     * the sentence on first use: the phrase and subject rules read only the words near a figure.
     */
    private static final class Word extends TextSpan {
        Word(String sentence, int start, int end, boolean folds) {
            super(sentence, start, end, folds); // folds: words lowercased, punctuation as written
        }

        char charAt(int i) {
            return source().charAt(start() + i);
        }

        /** Whether the word is written exactly {@code s}. */
        boolean is(String s) {
            return s.length() == length() && source().startsWith(s, start());
        }
    }

    private static List<Word> words(String s, int from, int to) {
        List<Word> out = new ArrayList<>(Math.max(10, (to - from) / 5)); // news text: about 5 chars a word
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (isLetterOrDigit(c)) {
                int j = i;
                while (j < to && (isLetterOrDigit(s.charAt(j)) || (j + 1 < to
                        && (s.charAt(j) == '&' || s.charAt(j) == '-'
                        || s.charAt(j) == '.' && Character.isUpperCase(s.charAt(j + 1)) && j > 0 && Character.isUpperCase(s.charAt(j - 1)))
                        && isLetterOrDigit(s.charAt(j + 1))))) {
                    j++;
                }
                if (j < to && s.charAt(j) == '.' && j - i == 3 && s.charAt(i + 1) == '.') {
                    j++; // "U.S."
                }
                out.add(new Word(s, i, j, true));
                i = j;
            } else {
                out.add(new Word(s, i, i + 1, false));
                i++;
            }
        }
        return out;
    }

    // ASCII first: words() reads every char of every sentence with a figure

    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}. */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        if (c > '\u00A0' && c < '\u1680' || c > '\u3000') {
            return false; // letters of most scripts: no space char lies in these ranges
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private static int firstWordAtOrAfter(List<Word> ws, int offset) {
        int lo = 0;
        int hi = ws.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ws.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Punctuation that ends a clause; every clause word is longer than one char. */
    private static final String BOUNDARY_MARKS = ",;:—–\"“”!?";

    private static boolean isBoundary(Word w) {
        return w.length() == 1 ? BOUNDARY_MARKS.indexOf(w.charAt(0)) >= 0 : CLAUSE_WORD_MAP.contains(w);
    }

    private static boolean isOpen(Word w) {
        return w.length() == 1 && (w.charAt(0) == '(' || w.charAt(0) == '[');
    }

    private static boolean isClose(Word w) {
        return w.length() == 1 && (w.charAt(0) == ')' || w.charAt(0) == ']');
    }

    private boolean isContent(Word w) {
        if (w.length() == 1 && !Character.isLetterOrDigit(w.charAt(0))) {
            return false;
        }
        if (allDigits(w)) {
            return !isYear(w.text()); // digits have no case: the text is its lowercase form
        }
        int classes = lex.wordClasses(w);
        return (classes & (Lexicon.FUNCTION | Lexicon.QUALIFIER | Lexicon.MONTH | Lexicon.WEEKDAY)) == 0
                && ((classes & Lexicon.CHANGE) == 0 || CHANGE_NOUN_MAP.contains(w)) && !w.lowerIs("s");
    }

    private static boolean allDigits(Word w) {
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isYear(String)} of a word's lowercase form, made only for a word that may be one. */
    private static boolean isYear(Word w) {
        // no char lowercases to a digit, and lowercasing never shortens
        return w.length() <= 4 && w.length() > 0 && (w.charAt(0) == '1' || w.charAt(0) == '2') && isYear(w.lower());
    }

    private static boolean isYear(String digits) {
        return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
    }

    /** Words that end the phrase after a figure: verbs and links to another thought. */
    private static final Set<String> TAIL_STOP = Set.of("is", "are", "was", "were", "has", "have", "had", "will",
            "would", "to", "that", "which", "who", "from", "than", "since", "at", "by", "on", "as", "and", "or",
            "but", "while", "after", "before", "last", "this", "per", "according", "compared", "versus",
            "against", "when", "if", "said", "says", "with");
    private static final WordMap<Boolean> TAIL_STOP_MAP = WordMap.setOf(TAIL_STOP);

    /**
     * The phrase naming what the figure measures: the content words of its clause before it (reaching back over
     * clauses that hold none, as in "..., or 0.36%", and over parentheses), then the words after it up to a verb
     * or the end of its clause ("$2.53 in per-share earnings", "2.1 GW floating solar project").
     */
    private String label(List<Word> ws, int first, int last, Quantity q, List<Quantity> inSentence, int sentenceStart,
                         int[] from) {
        List<String> picked = new ArrayList<>();
        int i = first - 1;
        int clauses = 0;
        from[0] = first;
        while (i >= 0 && clauses < 3) {
            List<String> clause = new ArrayList<>();
            while (i >= 0 && (!isBoundary(ws.get(i)) || insideAny(ws.get(i), inSentence, sentenceStart))) {
                Word w = ws.get(i);
                if (isClose(w)) {
                    int depth = 0;
                    while (i >= 0) {
                        if (isClose(ws.get(i))) {
                            depth++;
                        } else if (isOpen(ws.get(i)) && --depth == 0) {
                            break;
                        }
                        i--;
                    }
                    i--;
                    continue;
                }
                if (isOpen(w)) {
                    break;
                }
                if (!insideQuantity(w, inSentence, sentenceStart) && isContent(w)) {
                    clause.add(0, w.text());
                }
                i--;
            }
            picked.addAll(0, clause);
            from[0] = i + 1;
            if (!clause.isEmpty() && !allGeneric(clause)) {
                break;
            }
            i--;
            clauses++;
        }
        List<String> tail = new ArrayList<>();
        int j = last;
        while (j < ws.size() && isClose(ws.get(j))) {
            j++;
        }
        int content = 0;
        boolean sawOf = false;
        for (; j < ws.size() && j < last + 10 && content < 6; j++) {
            Word w = ws.get(j);
            if (isOpen(w)) {
                break; // "700 billion yuan ($97.5 billion)": the bracket restates the figure
            }
            if (isBoundary(w) || TAIL_STOP_MAP.contains(w) || insideQuantity(w, inSentence, sentenceStart)
                    || isYear(w) || Lexicon.month(w) > 0) {
                break;
            }
            if (w.lowerIs("of") || w.lowerIs("in") || w.lowerIs("for")) {
                if (sawOf && content > 0) {
                    break;
                }
                sawOf = true;
                continue;
            }
            if (w.is("'") || w.is("’")) {
                continue; // "Boeing's 787-9 jets"
            }
            if (w.text().length() == 1 && !Character.isLetterOrDigit(w.text().charAt(0)) && !w.is("&")) {
                break;
            }
            if (isContent(w)) {
                tail.add(w.text());
                content++;
            } else if (lex.isChangeWord(w)) {
                break;
            }
        }
        List<String> all = new ArrayList<>(picked);
        all.addAll(tail);
        if (all.isEmpty()) {
            return q.surfaceUnit() != null ? q.surfaceUnit() : "";
        }
        return String.join(" ", all);
    }

    /** Heads that say how a figure relates ("the March high of", "an increase of") but not what it measures. */
    private static final Set<String> GENERIC = Set.of("high", "low", "average", "record", "peak", "level", "increase",
            "decrease", "rise", "fall", "gain", "drop", "decline", "total", "figure", "number", "amount", "jump",
            "lows", "highs", "prior", "previous", "march", "year-ago", "comparable", "all-time", "mark", "rate");

    private static boolean allGeneric(List<String> clause) {
        for (String w : clause) {
            String l = w.toLowerCase(Locale.ROOT);
            if (!GENERIC.contains(l) && !(Character.isDigit(l.charAt(0)) && l.contains("-"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideAny(Word w, List<Quantity> qs, int sentenceStart) {
        int a = w.start() + sentenceStart;
        for (Quantity q : qs) {
            if (a >= q.start() && a < q.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideQuantity(Word w, List<Quantity> qs, int sentenceStart) {
        int a = w.start() + sentenceStart;
        for (Quantity q : qs) {
            if (a >= q.start() && a < q.end() && isMetric(q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who or what the figure is about: a name (capitalised words) among words [from, to), outside parentheses.
     * A possessive directly followed by another name yields to it ("China's Shanghai Composite"); short
     * acronyms yield to longer names ("China's AI industry"); of the rest the last one before the figure wins.
     */
    private String subject(List<Word> ws, int from, int to) {
        List<String> names = new ArrayList<>();
        List<Boolean> weak = new ArrayList<>();
        int depth = 0;
        for (int i = Math.max(0, from); i < to && i < ws.size(); i++) {
            Word w = ws.get(i);
            if (isOpen(w)) {
                depth++;
                continue;
            }
            if (isClose(w)) {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0 || !isName(w, i, ws)) {
                continue;
            }
            int j = i;
            StringBuilder name = new StringBuilder(w.text());
            while (j + 1 < to && (isName(ws.get(j + 1), j + 1, ws) || ws.get(j + 1).is("&") && j + 2 < to
                    || ws.get(j + 1).lowerIs("of") && j + 2 < to && isName(ws.get(j + 2), j + 2, ws))) {
                j++;
                name.append(ws.get(j).is("&") || ws.get(j - 1).is("&") ? "" : " ").append(ws.get(j).text());
            }
            boolean possessive = j + 2 < ws.size() && (ws.get(j + 1).is("'") || ws.get(j + 1).is("’"))
                    && ws.get(j + 2).lowerIs("s");
            // "China's Shanghai Composite": the later name is the subject; "China's AI industry": an acronym
            // after a possessive is a modifier of the thing measured, so the possessor stays the subject
            boolean followedByName = possessive && j + 3 < to && isName(ws.get(j + 3), j + 3, ws)
                    && !isAcronym(ws.get(j + 3).text());
            String n = name.toString();
            boolean acronym = isAcronym(n);
            names.add(n);
            weak.add(followedByName || acronym);
            i = j;
        }
        for (int k = names.size() - 1; k >= 0; k--) {
            if (!weak.get(k)) {
                return names.get(k);
            }
        }
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    private static boolean isAcronym(String name) {
        return name.length() <= 3 && name.equals(name.toUpperCase(Locale.ROOT));
    }

    private boolean isName(Word w, int index, List<Word> ws) {
        if (w.length() == 0 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (Character.isDigit(w.charAt(k))) {
                return false; // tickers and codes: "CLc1", "N225"
            }
        }
        if (index > 0 && ws.get(index - 1).is(".") && index > 1 && ws.get(index - 2).length() > 0
                && !Character.isLetterOrDigit(ws.get(index - 2).charAt(0)) == false
                && ws.get(index - 1).start() == w.start() - 1) {
            return false; // ".DJI": a ticker glued to a dot
        }
        return lex.wordClasses(w) == 0 && !NOT_SUBJECT_MAP.contains(w);
    }

    /**
     * The period of a figure: the nearest fitting time expression of its sentence. An expression after the figure
     * that lies nearer another figure belongs to that one ("1.786%, down from 1.808% late on Monday"); a comparison
     * base ("from the previous year") is only the period of a figure that follows "from".
     */
    private String period(String s, int qs, int qe, Quantity q, List<PeriodResolver.Expression> exprs,
                          List<Quantity> inSentence, int sentenceStart, PeriodResolver periods) {
        if (exprs.isEmpty()) {
            return null;
        }
        boolean fromLevel = precededBy(s, qs, "from");
        PeriodResolver.Expression best = null;
        int bestScore = Integer.MAX_VALUE;
        for (PeriodResolver.Expression e : exprs) {
            boolean after = e.start() >= qe;
            // a comparison base ("from the March high of 21.8 percent") dates only the figure it introduces
            if (e.comparison() && !fromLevel && !(!after && qs - e.end() < 25 && q.change() == null)) {
                continue;
            }
            int d = after ? e.start() - qe : Math.max(0, qs - e.end());
            Quantity nearest = null;
            int nd = Integer.MAX_VALUE;
            for (int oi = 0; oi < inSentence.size(); oi++) {
                Quantity o = inSentence.get(oi);
                if (!isMetric(o) || oi > 0 && isBracketed(s, inSentence.get(oi - 1), o, sentenceStart)) {
                    continue;
                }
                int os = o.start() - sentenceStart;
                int oe = o.end() - sentenceStart;
                int od = e.start() >= oe ? e.start() - oe : Math.max(0, os - e.end());
                if (od < nd) {
                    nd = od;
                    nearest = o;
                }
            }
            if (nearest != null && nearest != q) {
                int ns = nearest.start() - sentenceStart;
                boolean between = after ? ns > qs && ns < e.start() : ns < qs && ns > e.end();
                if (after && between && (precededBy(s, ns, "from") || s.substring(qe, Math.max(qe, ns)).contains(","))) {
                    continue; // belongs to the figure in between: "1.786%, down from 1.808% late on Monday"
                }
                d += 50;
            }
            if (fromLevel && !after) {
                d += 100;
            }
            if (!after) {
                d += 1; // on a tie the expression after the figure wins: "to $0.10 by 2030"
            }
            if (d < bestScore) {
                bestScore = d;
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        if (best.relative()) {
            String base = null;
            for (PeriodResolver.Expression e : exprs) {
                if (!e.relative() && e.start() < best.start()) {
                    base = e.period();
                }
            }
            if (base == null) {
                for (PeriodResolver.Expression e : exprs) {
                    if (!e.relative() && e.start() > best.start()) {
                        base = e.period();
                        break;
                    }
                }
            }
            return periods.shift(base, best.period());
        }
        return best.period();
    }

    private static boolean precededBy(String s, int pos, String word) {
        int e = pos;
        while (e > 0 && (s.charAt(e - 1) == ' ')) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(b, e).equalsIgnoreCase(word);
    }
}
