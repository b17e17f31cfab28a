package io.newsmetrics.extractor.fact;

import io.newsmetrics.extractor.quantity.Lexicon;
import io.newsmetrics.extractor.quantity.Quantity;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Article;
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
            List<Candidate> body = candidates(article.text(), periods, null);
            for (Candidate c : body) {
                MetricEvent e = toEvent(article, c, source);
                events.putIfAbsent(e.id(), e);
            }
            if (article.title() != null && !article.title().isBlank()) {
                for (Candidate c : candidates(article.title(), periods, null)) {
                    if (body.stream().noneMatch(b -> sameFigure(b.q, c.q))) {
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

    private static boolean sameFigure(Quantity a, Quantity b) {
        return Objects.equals(a.unit() == null ? "count" : a.unit(), b.unit() == null ? "count" : b.unit())
                && a.value() != null && b.value() != null
                && Math.abs(a.value() - b.value()) <= 1e-3 * Math.abs(b.value()) + 1e-9;
    }

    /** One figure with everything resolved about it. */
    private record Candidate(Quantity q, String label, String subject, String period, Sentences.Sentence sentence,
                             List<MetricEvent.Amount> alternatives) {
    }

    private MetricEvent toEvent(Article article, Candidate c, MetricEvent.Source source) {
        Quantity q = c.q;
        String unit = q.unit() == null ? "count" : q.unit();
        String indicator = namer.indicatorOf(c.label, q.surfaceUnit() != null ? q.surfaceUnit() : unit);
        String key = MetricEvent.keyOf(c.subject, indicator);
        String id = MetricEvent.idOf(article.canonicalUrl(), key, q.value(), q.low(), q.high(), unit, q.change(),
                c.period);
        return new MetricEvent(MetricEvent.SCHEMA_VERSION, id, indicator, c.label, c.subject, key, q.value(), q.low(),
                q.high(), unit, q.surfaceUnit(), q.qualifier(), q.change(), c.period, c.alternatives, source,
                new MetricEvent.Evidence(c.sentence.text(), q.start(), q.end()));
    }

    private List<Candidate> candidates(String text, PeriodResolver periods, String unused) {
        List<Quantity> all = recognizer.recognize(text);
        List<Sentences.Sentence> sentences = Sentences.split(text);
        List<Candidate> out = new ArrayList<>();
        String reference = null;
        String carry = null;
        int paragraph = -1;
        String lastSubject = null;
        int qi = 0;
        for (Sentences.Sentence s : sentences) {
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                carry = null;
            }
            String st = s.text().length() > MAX_SENTENCE_CHARS ? s.text().substring(0, MAX_SENTENCE_CHARS) : s.text();
            List<PeriodResolver.Expression> exprs = periods.find(st);
            if (reference == null) {
                for (PeriodResolver.Expression e : exprs) {
                    if (!e.relative() && !e.comparison()) {
                        reference = e.period();
                        break;
                    }
                }
            }
            List<Quantity> inSentence = new ArrayList<>();
            while (qi < all.size() && all.get(qi).start() < s.end()) {
                if (all.get(qi).start() >= s.start()) {
                    inSentence.add(all.get(qi));
                }
                qi++;
            }
            String sentencePeriod = null;
            for (int k = 0; k < inSentence.size(); k++) {
                Quantity q = inSentence.get(k);
                if (!isMetric(q)) {
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
                int rel = q.start() - s.start();
                int[] from = {0};
                String label = label(st, rel, q, inSentence, s.start(), from);
                String subject = subject(st, from[0], rel);
                if (subject == null) {
                    subject = subject(st, 0, rel);
                }
                if (subject == null) {
                    subject = lastSubject;
                } else {
                    lastSubject = subject;
                }
                String period = period(st, rel, q, exprs, inSentence, s.start(), periods);
                if (period == null) {
                    period = carry != null ? carry : reference;
                } else {
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

    private static boolean isMoney(String unit) {
        return unit != null && unit.length() == 3 && unit.equals(unit.toUpperCase(Locale.ROOT))
                && Character.isLetter(unit.charAt(0));
    }

    /** Words of a sentence with their offsets. */
    private record Word(String text, String lower, int start, int end) {
    }

    private static List<Word> words(String s, int from, int to) {
        List<Word> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < to && (Character.isLetterOrDigit(s.charAt(j)) || (j + 1 < to
                        && (s.charAt(j) == '&' || s.charAt(j) == '-' || s.charAt(j) == '.' && Character.isUpperCase(s.charAt(j + 1))
                        || s.charAt(j) == '.' && j > 0 && Character.isUpperCase(s.charAt(j - 1)) && Character.isLetter(s.charAt(j + 1)))
                        && Character.isLetterOrDigit(s.charAt(j + 1))))) {
                    j++;
                }
                if (j < to && s.charAt(j) == '.' && j - i == 3 && s.charAt(i + 1) == '.') {
                    j++; // "U.S."
                }
                String w = s.substring(i, j);
                out.add(new Word(w, w.toLowerCase(Locale.ROOT), i, j));
                i = j;
            } else {
                out.add(new Word(String.valueOf(c), String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    private static boolean isBoundary(Word w) {
        return w.text.equals(",") || w.text.equals(";") || w.text.equals(":") || w.text.equals("(")
                || w.text.equals(")") || w.text.equals("—") || w.text.equals("–") || w.text.equals("\"")
                || w.text.equals("“") || w.text.equals("”") || CLAUSE_WORDS.contains(w.lower);
    }

    private boolean isContent(Word w) {
        if (w.text.length() == 1 && !Character.isLetterOrDigit(w.text.charAt(0))) {
            return false;
        }
        return !lex.isFunctionWord(w.lower) && (!lex.isChangeWord(w.lower) || CHANGE_NOUNS.contains(w.lower))
                && !lex.isQualifierWord(w.lower) && !w.lower.equals("s")
                && Lexicon.month(w.lower) == 0 && !isWeekday(w.lower) && !w.lower.chars().allMatch(Character::isDigit)
                || w.lower.chars().allMatch(Character::isDigit) && w.text.length() <= 4 && false;
    }

    private static boolean isWeekday(String l) {
        return l.equals("monday") || l.equals("tuesday") || l.equals("wednesday") || l.equals("thursday")
                || l.equals("friday") || l.equals("saturday") || l.equals("sunday");
    }

    /**
     * The phrase naming what the figure measures: the content words of its clause before it (reaching back over
     * clauses that hold none, as in "..., or 0.36%"), then its counted noun or "of ..." phrase after it.
     */
    private String label(String s, int rel, Quantity q, List<Quantity> inSentence, int sentenceStart, int[] from) {
        rel = Math.min(rel, s.length());
        List<Word> before = words(s, 0, rel);
        List<String> picked = new ArrayList<>();
        int i = before.size() - 1;
        int clauses = 0;
        while (i >= 0 && clauses < 4) {
            List<String> clause = new ArrayList<>();
            while (i >= 0 && !isBoundary(before.get(i))) {
                Word w = before.get(i);
                if (!insideQuantity(w, inSentence, sentenceStart) && isContent(w)) {
                    clause.add(0, w.text);
                } else if (!insideQuantity(w, inSentence, sentenceStart) && w.lower.chars().allMatch(Character::isDigit)
                        && !isYear(w.lower)) {
                    clause.add(0, w.text); // "aged 60", "S&P 500"
                }
                i--;
            }
            picked.addAll(0, clause);
            from[0] = i + 1 < before.size() ? before.get(i + 1).start : rel;
            if (!clause.isEmpty() && clauses >= 0 && hasNoun(clause)) {
                break;
            }
            i--;
            clauses++;
        }
        int qEnd = Math.min(s.length(), q.end() - sentenceStart);
        List<Word> after = words(s, Math.max(0, qEnd), Math.min(s.length(), qEnd + 80));
        List<String> tail = new ArrayList<>();
        int j = 0;
        if ("count".equals(q.unit()) && q.surfaceUnit() != null) {
            // the counted noun and the words before it: "daily active users"
            for (; j < after.size() && j < 6; j++) {
                Word w = after.get(j);
                if (isBoundary(w) || !isContent(w) && !w.text.equals("-")) {
                    break;
                }
                if (!w.text.equals("-")) {
                    tail.add(w.text);
                }
                if (w.text.equals(q.surfaceUnit())) {
                    j++;
                    break;
                }
            }
        }
        if (j < after.size() && after.get(j).lower.equals("of")) {
            for (int k = j + 1; k < after.size() && k < j + 6; k++) {
                Word w = after.get(k);
                if (isBoundary(w) || !isContent(w)) {
                    break;
                }
                tail.add(w.text);
            }
        }
        if (picked.isEmpty() && tail.isEmpty()) {
            return q.surfaceUnit() != null ? q.surfaceUnit() : "";
        }
        List<String> all = new ArrayList<>(picked);
        all.addAll(tail);
        return String.join(" ", all);
    }

    private static boolean isYear(String digits) {
        return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
    }

    private static boolean hasNoun(List<String> clause) {
        return !clause.isEmpty();
    }

    private static boolean insideQuantity(Word w, List<Quantity> qs, int sentenceStart) {
        int a = w.start + sentenceStart;
        for (Quantity q : qs) {
            if (a >= q.start() && a < q.end() && isMetric(q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who or what the figure is about: the first name (capitalised words) of its sentence before it, with a
     * possessive ("China's") preferred; null when the sentence names nothing before the figure.
     */
    private String subject(String s, int from, int rel) {
        List<Word> ws = words(s, Math.min(from, Math.min(rel, s.length())), Math.min(rel, s.length()));
        String first = null;
        for (int i = 0; i < ws.size(); i++) {
            Word w = ws.get(i);
            if (!isName(w)) {
                continue;
            }
            int j = i;
            StringBuilder name = new StringBuilder(w.text);
            while (j + 1 < ws.size() && (isName(ws.get(j + 1)) || ws.get(j + 1).text.equals("&")
                    || ws.get(j + 1).lower.equals("of") && j + 2 < ws.size() && isName(ws.get(j + 2)))) {
                j++;
                name.append(ws.get(j).text.equals("&") ? "&" : " " + ws.get(j).text);
            }
            String n = name.toString().replace(" &", "&").replace("& ", "&");
            boolean possessive = j + 2 < ws.size() && (ws.get(j + 1).text.equals("'") || ws.get(j + 1).text.equals("’"))
                    && ws.get(j + 2).lower.equals("s");
            if (possessive) {
                return n;
            }
            if (first == null) {
                first = n;
            }
            i = j;
        }
        return first;
    }

    private boolean isName(Word w) {
        if (w.text.isEmpty() || !Character.isUpperCase(w.text.charAt(0))) {
            return false;
        }
        String l = w.lower;
        return !NOT_SUBJECT.contains(l) && !lex.isFunctionWord(l) && Lexicon.month(l) == 0 && !isWeekday(l)
                && !lex.isChangeWord(l);
    }

    /** The period of a figure: the nearest fitting time expression of its sentence, else null. */
    private String period(String s, int rel, Quantity q, List<PeriodResolver.Expression> exprs,
                          List<Quantity> inSentence, int sentenceStart, PeriodResolver periods) {
        if (exprs.isEmpty()) {
            return null;
        }
        int qs = rel;
        int qe = Math.min(s.length(), q.end() - sentenceStart);
        boolean fromLevel = precededBy(s, qs, "from");
        PeriodResolver.Expression best = null;
        int bestScore = Integer.MAX_VALUE;
        for (PeriodResolver.Expression e : exprs) {
            if (e.comparison() && !fromLevel && q.change() != null) {
                continue; // "up 4 percent from the previous year": the base, not the figure's time
            }
            if (e.comparison() && !fromLevel) {
                continue;
            }
            int d = e.start() >= qe ? e.start() - qe : qs - e.end();
            if (d < 0) {
                d = 0;
            }
            // another figure in between weakens the link
            for (Quantity o : inSentence) {
                int os = o.start() - sentenceStart;
                if (o != q && (e.start() >= qe && os >= qe && os < e.start() || e.end() <= qs && os >= e.end() && os < qs)) {
                    d += 60;
                }
            }
            if (fromLevel && e.start() < qe) {
                d += 100;
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
                if (!e.relative() && e != best) {
                    base = e.period();
                    if (e.start() > best.start()) {
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
