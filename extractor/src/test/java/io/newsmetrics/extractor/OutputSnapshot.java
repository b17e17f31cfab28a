package io.newsmetrics.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmetrics.extractor.eval.MetricsGoldEval;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A snapshot of everything the extractor says about every text of the shared folder, to prove that a change
 * meant to be behaviour-neutral (a speed-up) is: one JSON line per input with the events of
 * {@link MetricExtractor#extract} and the quantities of {@link QuantityRecognizer#recognize} over its body and
 * title. Inputs: the seed article, the metric-gold articles as the gold evaluation reads them, the
 * article-extraction true bodies in several variants (dates, titles, case, windows that cut words), the text of
 * every HTML page with its tags stripped, every Recognizers-Text English spec input, and a few Unicode cases
 * whose case mapping changes length.
 *
 * <p>Usage: {@code OutputSnapshot write|check SHARED_DIR SNAPSHOT.jsonl}. {@code check} prints how many inputs,
 * events and quantities it compared and the first differences, and exits 1 on any difference.
 */
public final class OutputSnapshot {
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(p|div|br|li|h[1-6]|tr|article|section)\\b[^>]*>");

    private final MetricExtractor extractor = MetricExtractor.create();
    private final QuantityRecognizer recognizer = QuantityRecognizer.create();

    /** One input: an id that names where it came from, and the article. */
    record Input(String id, Article article) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("write") || args[0].equals("check"))) {
            System.err.println("usage: OutputSnapshot write|check SHARED_DIR SNAPSHOT.jsonl");
            System.exit(2);
        }
        OutputSnapshot s = new OutputSnapshot();
        List<Input> inputs = inputs(Path.of(args[1]));
        Path file = Path.of(args[2]);
        if (args[0].equals("write")) {
            s.write(inputs, file);
            System.out.println("wrote " + inputs.size() + " inputs to " + file);
        } else {
            System.exit(s.check(inputs, file, System.out) == 0 ? 0 : 1);
        }
    }

    /** Every input of the shared folder, in a fixed order. */
    static List<Input> inputs(Path shared) throws IOException {
        List<Input> out = new ArrayList<>();
        Path seed = shared.resolve("corpus/seed/china-ai-industry-2024.txt");
        if (Files.isRegularFile(seed)) {
            out.add(new Input("seed", MetricsGoldEval.readSeedText(seed)));
        }
        JsonNode truth = Json.mapper().readTree(shared.resolve("eval/article-extraction/ground-truth.json").toFile());
        for (String gold : new String[]{"gold.jsonl", "gold-aeb.jsonl"}) {
            Path file = shared.resolve("eval/metrics-gold").resolve(gold);
            int no = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                no++;
                JsonNode g = Json.mapper().readTree(line);
                String doc = g.get("doc").asText();
                String stem = doc.substring(doc.lastIndexOf('/') + 1).replaceFirst("\\.html?$", "");
                JsonNode body = truth.get(stem);
                String published = g.path("published").isNull() ? null : g.path("published").asText(null);
                if (body != null) {
                    out.add(new Input("gold:" + gold + ":" + no, Article.of(body.path("url").asText(doc), null,
                            published, body.get("articleBody").asText())));
                }
            }
        }
        Random random = new Random(20261129);
        truth.fields().forEachRemaining(e -> {
            String id = e.getKey();
            String url = e.getValue().path("url").asText("https://example.test/" + id);
            String body = e.getValue().path("articleBody").asText("");
            String[] lines = body.strip().split("\n");
            out.add(new Input("aeb:" + id + ":plain", Article.of(url, null, "2019-11-20", body)));
            out.add(new Input("aeb:" + id + ":undated-titled", Article.of(url, lines[0], null, body)));
            out.add(new Input("aeb:" + id + ":stamped-titled", Article.of(url, lines[lines.length - 1],
                    "2025-07-25T08:00:00Z", body)));
            out.add(new Input("aeb:" + id + ":upper", Article.of(url, null, "2019-03-31",
                    body.toUpperCase(Locale.ROOT))));
            out.add(new Input("aeb:" + id + ":lower", Article.of(url, null, "2019-01-01",
                    body.toLowerCase(Locale.ROOT))));
            for (int w = 0; w < 3 && body.length() > 0; w++) {
                int from = random.nextInt(body.length());
                int to = Math.min(body.length(), from + 1 + random.nextInt(3000));
                out.add(new Input("aeb:" + id + ":window" + w, Article.of(url, null, "2020-02-29",
                        body.substring(from, to))));
            }
        });
        List<Path> pages;
        try (Stream<Path> s = Files.walk(shared)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path p : pages) {
            String html = Files.readString(p, StandardCharsets.ISO_8859_1);
            String text = TAG.matcher(BLOCK.matcher(SCRIPT.matcher(html).replaceAll(" ")).replaceAll("\n"))
                    .replaceAll(" ").replace("&nbsp;", "\u00A0").replace("&amp;", "&").replace("&#8217;", "’");
            out.add(new Input("html:" + shared.relativize(p), Article.of("https://example.test/" + p.getFileName(),
                    null, "2020-01-15", text)));
        }
        List<Path> specs;
        try (Stream<Path> s = Files.walk(shared.resolve("eval/recognizers-text/Specs"))) {
            specs = s.filter(p -> p.toString().endsWith(".json") && p.toString().contains("/English/")).sorted()
                    .toList();
        }
        for (Path p : specs) {
            JsonNode cases = Json.mapper().readTree(Files.readString(p, StandardCharsets.UTF_8).replace("\uFEFF", ""));
            int no = 0;
            for (JsonNode c : cases) {
                String in = c.path("Input").asText("");
                out.add(new Input("spec:" + shared.relativize(p) + ":" + no++, Article.of("https://example.test/spec",
                        in.length() > 40 ? in.substring(0, 40) : null, "2016-11-07", in)));
            }
        }
        String[] unicode = {"İSTANBUL had 15.5 MİLLİON PEOPLE in 2019. ΣΑΣ rose 5% last year.",
            "The ΟΔΟΣ index fell 3.2 POINTS on Monday, or 0.5%, to 1,234.5. İİİ 10 İ-20 kmİ",
            "Revenue of 1 000 000 € and 12,34,567 rupees; 5 000 yen; ＄12 and ¥3.5bn; ½ of 10K units.",
            "ǅemal sold 30 ǅ and 40 ǈ; ﬃ 3 ﬁsh; STRASSE 3 straße 4; K 5 K; Ω 6 Ω",
            "Sales rose 10 percent to $3.2 billion in the first half of 2025, up from $2.9 billion a year earlier."};
        for (int k = 0; k < unicode.length; k++) {
            out.add(new Input("unicode:" + k, Article.of("https://example.test/u" + k, unicode[k], "2025-07-25",
                    unicode[k] + "\n\n" + unicode[(k + 1) % unicode.length])));
        }
        return out;
    }

    /** The snapshot line of one input. */
    String line(Input in) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", in.id());
        n.set("events", Json.mapper().valueToTree(extractor.extract(in.article())));
        n.set("quantities", Json.mapper().valueToTree(recognizer.recognize(in.article().text())));
        n.set("titleQuantities", Json.mapper().valueToTree(recognizer.recognize(in.article().title())));
        return Json.write(n);
    }

    void write(List<Input> inputs, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Input in : inputs) {
                w.write(line(in));
                w.newLine();
            }
        }
    }

    /** Compares against a written snapshot; returns the number of inputs that differ. */
    int check(List<Input> inputs, Path file, PrintStream out) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            expected.put(Json.mapper().readTree(l).get("id").asText(), l);
        }
        int differ = 0;
        long events = 0;
        long quantities = 0;
        for (Input in : inputs) {
            String actual = line(in);
            JsonNode a = Json.mapper().readTree(actual);
            events += a.get("events").size();
            quantities += a.get("quantities").size() + a.get("titleQuantities").size();
            String e = expected.remove(in.id());
            if (!actual.equals(e)) {
                differ++;
                if (differ <= 10) {
                    out.println("DIFF " + in.id());
                    int at = firstDifference(e == null ? "" : e, actual);
                    out.println("  expected ..." + around(e, at));
                    out.println("  actual   ..." + around(actual, at));
                }
            }
        }
        differ += expected.size();
        out.printf("compared %d inputs (%d events, %d quantities): %d differ, %d missing%n", inputs.size(), events,
                quantities, differ, expected.size());
        return differ;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String around(String s, int at) {
        return s == null ? "(none)" : s.substring(Math.max(0, at - 300), Math.min(s.length(), at + 300));
    }
}
