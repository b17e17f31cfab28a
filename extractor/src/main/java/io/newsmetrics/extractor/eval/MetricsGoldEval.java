package io.newsmetrics.extractor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Scores {@link MetricExtractor} against hand-labelled article gold ({@code shared/eval/metrics-gold}) with the
 * rules of {@code shared/tools/score_metrics.py}: a prediction matches a fact when one of its numbers (value,
 * low, high) is within 0.1 % of the fact's value (or an alt value) with the same unit, and its indicator, label,
 * subject and key hold every indicator stem and no "not" stem. Article text: the seed's plain-text form
 * ({@code corpus/seed/NAME.txt}) when it exists, else the true body from
 * {@code eval/article-extraction/ground-truth.json} by file stem, dated by the gold's {@code published}.
 *
 * <p>Usage: {@code MetricsGoldEval SHARED_DIR GOLD.jsonl [--verbose]}.
 */
public final class MetricsGoldEval {

    /** Totals over a gold file. */
    public record Score(int tp, int fp, int fn, int factsHit, int period, int qualifier, int change, int subject) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return factsHit + fn == 0 ? 0 : (double) factsHit / (factsHit + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double periodAccuracy() {
            return factsHit == 0 ? 0 : (double) period / factsHit;
        }
    }

    private final Path shared;
    private final MetricExtractor extractor;
    private final PrintStream out;
    private final boolean verbose;

    /**
     * How an evaluation reads the article of a gold line: {@code doc} is the path of the document the gold names,
     * {@code published} the gold's publication date.
     */
    @FunctionalInterface
    public interface ArticleReader {
        Article read(Path doc, String published) throws IOException;
    }

    /** Null: the true body text of each page (extraction alone); else how the project reads a document. */
    private final ArticleReader reader;

    /** Scores extraction alone, on each page's true body text. */
    public MetricsGoldEval(Path shared, MetricExtractor extractor, PrintStream out, boolean verbose) {
        this(shared, extractor, out, verbose, null);
    }

    /**
     * Scores the project end to end, as {@code score_metrics.py} does: each gold document read by {@code reader}
     * (for example the ingest module's HTML parser), then extracted.
     */
    public MetricsGoldEval(Path shared, MetricExtractor extractor, PrintStream out, boolean verbose,
                           ArticleReader reader) {
        this.reader = reader;
        this.shared = Objects.requireNonNull(shared, "shared");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.out = Objects.requireNonNull(out, "out");
        this.verbose = verbose;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MetricsGoldEval SHARED_DIR GOLD.jsonl [--verbose]");
            System.exit(2);
        }
        boolean verbose = args.length > 2 && args[2].equals("--verbose");
        new MetricsGoldEval(Path.of(args[0]), MetricExtractor.create(), System.out, verbose).run(Path.of(args[1]));
    }

    /** Scores every article of a gold file, printing per-article lines and the totals; returns the totals. */
    public Score run(Path goldFile) throws IOException {
        if (!Files.isRegularFile(goldFile)) {
            throw new IOException("no gold file " + goldFile);
        }
        JsonNode truth = null;
        int tp = 0, fp = 0, fn = 0, hit = 0, period = 0, qual = 0, change = 0, subj = 0;
        for (String line : Files.readAllLines(goldFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode g = Json.mapper().readTree(line);
            String doc = g.get("doc").asText();
            Article article;
            String stem = stem(doc);
            Path txt = shared.resolve(doc).resolveSibling(stem + ".txt");
            if (reader != null) {
                article = reader.read(shared.resolve(doc), text(g, "published"));
            } else if (Files.isRegularFile(txt)) {
                article = readSeedText(txt);
            } else {
                if (truth == null) {
                    truth = Json.mapper().readTree(shared.resolve("eval/article-extraction/ground-truth.json").toFile());
                }
                JsonNode body = truth.get(stem);
                if (body == null) {
                    throw new IOException("no ground-truth body for " + doc);
                }
                String url = body.has("url") ? body.get("url").asText() : doc;
                article = Article.of(url, null, text(g, "published"), body.get("articleBody").asText());
            }
            List<MetricEvent> preds = extractor.extract(article);
            List<JsonNode> facts = list(g.get("facts"));
            List<JsonNode> optional = list(g.get("optional"));
            Set<Integer> used = new HashSet<>();
            int dtp = 0, dfp = 0;
            for (MetricEvent p : preds) {
                List<Integer> hits = new ArrayList<>();
                for (double v : values(p)) {
                    for (int i = 0; i < facts.size(); i++) {
                        if (!used.contains(i) && !hits.contains(i) && matches(p, facts.get(i), v)) {
                            hits.add(i);
                            break;
                        }
                    }
                }
                if (hits.isEmpty()) {
                    boolean opt = false;
                    for (JsonNode f : optional) {
                        for (double v : values(p)) {
                            opt |= matches(p, f, v);
                        }
                    }
                    if (!opt) {
                        dfp++;
                        if (verbose) {
                            out.println("  FP " + describe(p));
                        }
                    }
                    continue;
                }
                dtp++;
                for (int h : hits) {
                    used.add(h);
                    JsonNode f = facts.get(h);
                    boolean pOk = Objects.equals(p.period(), text(f, "period")) || list(f.get("period_alt")).stream()
                            .anyMatch(a -> Objects.equals(a.isNull() ? null : a.asText(), p.period()));
                    String fq = f.has("qualifier") ? f.get("qualifier").asText() : "exact";
                    boolean qOk = p.qualifier().id().equals(fq) || hits.size() > 1
                            && Set.of("at_least", "at_most", "more_than", "less_than").contains(fq);
                    boolean cOk = Objects.equals(p.change() == null ? null : p.change().id(), text(f, "change"));
                    boolean sOk = (p.subject() == null ? "" : p.subject()).equalsIgnoreCase(
                            text(f, "subject") == null ? "" : text(f, "subject"));
                    period += pOk ? 1 : 0;
                    qual += qOk ? 1 : 0;
                    change += cOk ? 1 : 0;
                    subj += sOk ? 1 : 0;
                    if (verbose && !(pOk && qOk && cOk)) {
                        out.println("  ~~ " + describe(p) + " gold period=" + text(f, "period") + " qual=" + fq
                                + " change=" + text(f, "change"));
                    }
                }
            }
            int dfn = facts.size() - used.size();
            if (verbose) {
                for (int i = 0; i < facts.size(); i++) {
                    if (!used.contains(i)) {
                        JsonNode f = facts.get(i);
                        out.println("  FN " + f.get("indicator") + " " + f.get("value").asText() + " "
                                + f.get("unit").asText() + " | " + text(f, "evidence"));
                    }
                }
            }
            tp += dtp;
            fp += dfp;
            fn += dfn;
            hit += used.size();
            String name = doc.length() > 40 ? doc.substring(doc.length() - 40) : doc;
            out.printf(Locale.ROOT, "%-40s facts %3d predicted %3d tp %3d fp %3d fn %3d%n", name, facts.size(),
                    preds.size(), dtp, dfp, dfn);
        }
        Score s = new Score(tp, fp, fn, hit, period, qual, change, subj);
        double h = Math.max(1, hit);
        out.printf(Locale.ROOT, "precision %.3f recall %.3f period %.3f qualifier %.3f change %.3f subject %.3f%n",
                s.precision(), s.recall(), hit == 0 ? 0 : period / h, hit == 0 ? 0 : qual / h,
                hit == 0 ? 0 : change / h, hit == 0 ? 0 : subj / h);
        out.printf(Locale.ROOT, "F1 %.3f%n", s.f1());
        return s;
    }

    private static String describe(MetricEvent p) {
        return p.value() + " " + p.unit() + " [" + p.indicator() + " | " + p.label() + " | " + p.subject() + "] "
                + p.period() + " " + p.qualifier().id() + " " + (p.change() == null ? "-" : p.change().id());
    }

    /** Reads the seed's plain-text form: {@code date YYYY-MM-DD URL}, then the title, then the body. */
    public static Article readSeedText(Path file) throws IOException {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = all.strip().split("\\R", -1);
        String[] head = lines[0].strip().split("\\s+");
        if (head.length < 3 || !head[0].equals("date")) {
            throw new IOException("first line of " + file + " is not 'date YYYY-MM-DD URL': " + lines[0]);
        }
        int i = 1;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        String title = i < lines.length ? lines[i].strip() : null;
        StringBuilder body = new StringBuilder();
        for (int k = i + 1; k < lines.length; k++) {
            body.append(lines[k]).append('\n');
        }
        return Article.of(head[2], title, head[1], body.toString().strip());
    }

    private static String stem(String doc) {
        String name = doc.substring(doc.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The numbers a prediction stands for: value, low, high (distinct). */
    static List<Double> values(MetricEvent p) {
        List<Double> out = new ArrayList<>();
        for (Double v : new Double[]{p.value(), p.low(), p.high()}) {
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    static List<String> words(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (String w : t.toLowerCase(Locale.ROOT).split("[^0-9a-z]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static boolean hasStem(List<String> ws, String stem) {
        for (String w : ws) {
            if (w.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueOk(Double pv, String pu, JsonNode v, JsonNode u) {
        if (pv == null || v == null || v.isNull()) {
            return false;
        }
        String a = pu == null ? "" : pu.toLowerCase(Locale.ROOT);
        String b = u == null || u.isNull() ? "" : u.asText().toLowerCase(Locale.ROOT);
        return a.equals(b) && Math.abs(pv - v.asDouble()) <= 1e-3 * Math.abs(v.asDouble()) + 1e-9;
    }

    static boolean matches(MetricEvent p, JsonNode fact, double v) {
        List<String> ws = words(p.indicator(), p.label(), p.subject(), p.key());
        for (JsonNode s : list(fact.get("indicator"))) {
            if (!hasStem(ws, s.asText())) {
                return false;
            }
        }
        for (JsonNode s : list(fact.get("not"))) {
            if (hasStem(ws, s.asText())) {
                return false;
            }
        }
        if (valueOk(v, p.unit(), fact.get("value"), fact.get("unit"))) {
            return true;
        }
        for (JsonNode a : list(fact.get("alt"))) {
            if (valueOk(v, p.unit(), a.get("value"), a.get("unit"))) {
                return true;
            }
        }
        return false;
    }
}
