package io.newsmetrics.launcher.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.eval.MetricsGoldEval;
import io.newsmetrics.extractor.eval.RecognizersTextEval;
import io.newsmetrics.extractor.eval.SpeedEval;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code newsmetrics eval ...}: scores the project on the evaluation sets in {@code ../shared/eval}, with the
 * same rules as the scorers in {@code ../shared/tools}, and prints speed beside quality.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score main-text extraction, publication dates and metric extraction on the shared evaluation sets.")
public final class EvalCommand {
    @Option(names = "--shared", defaultValue = "../shared", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The shared data folder (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Passes over the pages; speed is taken from the last, after the JIT has warmed up (default: ${DEFAULT-VALUE}).")
    int rounds;

    /** Main text on the article-extraction benchmark: 4-gram shingle precision/recall averaged over pages. */
    @Command(name = "articles", mixinStandardHelpOptions = true,
            description = "Main-text extraction on eval/article-extraction (scrapinghub benchmark metric).")
    int articles() throws IOException {
        Path dir = shared.resolve("eval/article-extraction");
        JsonNode truth = readJson(dir.resolve("ground-truth.json"));
        ArticleParser parser = ArticleParser.create();
        ArticlesRound last = null;
        for (int round = 0; round < Math.max(1, rounds); round++) {
            last = articlesRound(dir, truth, parser);
        }
        ShingleScore score = last.score();
        System.out.printf("pages %d%nprecision %.3f recall %.3f accuracy %.3f%n"
                        + "speed %.0f pages/s per core on CPU time (%.0f pages/s wall clock, %.1f MB/s of HTML per core)%nF1 %.3f%n",
                score.pages(), score.precision(), score.recall(), score.accuracy(),
                score.pages() / (last.cpuNanos() / 1e9), score.pages() / (last.nanos() / 1e9),
                last.chars() / (last.cpuNanos() / 1e9) / 1e6, score.f1());
        return 0;
    }

    /** One pass: its score, the HTML it read, and the wall-clock and CPU time of parsing alone. */
    private record ArticlesRound(ShingleScore score, long chars, long nanos, long cpuNanos) {
    }

    private static ArticlesRound articlesRound(Path dir, JsonNode truth, ArticleParser parser) throws IOException {
        ShingleScore score = new ShingleScore();
        long chars = 0;
        long nanos = 0;
        long cpuNanos = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            Path html = dir.resolve("html").resolve(page.getKey() + ".html");
            String predicted = "";
            if (Files.isRegularFile(html)) {
                String content = Files.readString(html, StandardCharsets.UTF_8);
                chars += content.length();
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                Article article = parser.parse(content, page.getValue().path("url").asText("file:" + html));
                cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
                nanos += System.nanoTime() - start;
                predicted = article.text();
            }
            score.add(page.getValue().path("articleBody").asText(""), predicted);
        }
        return new ArticlesRound(score, chars, nanos, cpuNanos);
    }

    /** Publication dates on the htmldate evaluation set. */
    @Command(name = "dates", mixinStandardHelpOptions = true,
            description = "Publication dates on eval/publication-dates (htmldate's evaluation rule).")
    int dates() throws IOException {
        Path dir = shared.resolve("eval/publication-dates");
        JsonNode gold = readJson(dir.resolve("gold.json"));
        ArticleParser parser = ArticleParser.create();
        DateScore score = new DateScore();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            Path html = dir.resolve("html").resolve(page.getValue().path("file").asText());
            String found = null;
            if (Files.isRegularFile(html)) {
                found = parser.parse(Files.readString(html, StandardCharsets.UTF_8), page.getKey()).publishedAt();
            }
            JsonNode date = page.getValue().get("date");
            score.add(date == null || date.isNull() ? null : date.asText(), found);
        }
        System.out.println(score);
        return 0;
    }

    /** Metric facts on the hand-labelled gold, end to end (page parsed, then extracted) like score_metrics.py. */
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "Metric extraction on eval/metrics-gold, each page parsed then extracted (score_metrics.py's rule).")
    int metrics(@Option(names = "--verbose", description = "List every miss and false positive.") boolean verbose,
                @Option(names = "--text-only", description = "Extract from each page's true body text instead of parsing it.")
                boolean textOnly) throws IOException {
        ArticleParser parser = ArticleParser.create();
        MetricsGoldEval.ArticleReader reader = textOnly ? null : (doc, published) -> ArticleFiles.read(doc, parser);
        MetricsGoldEval eval = new MetricsGoldEval(shared, MetricExtractor.create(), System.out, verbose, reader);
        for (String gold : new String[]{"gold.jsonl", "gold-aeb.jsonl"}) {
            Path file = shared.resolve("eval/metrics-gold").resolve(gold);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no evaluation data at " + file + "; point --shared at the shared folder");
            }
            System.out.println("== " + gold);
            eval.run(file);
        }
        return 0;
    }

    /** Quantities on the Microsoft Recognizers-Text English specs, and the extractor's speed. */
    @Command(name = "quantities", mixinStandardHelpOptions = true,
            description = "Quantity recognition on the Recognizers-Text specs (Number, Percent, NumberRange, Currency), and speed.")
    int quantities(@Option(names = "--verbose", description = "List every miss.") boolean verbose,
                   @Option(names = "--megabytes", defaultValue = "20", description = "Text to time extraction on (default: ${DEFAULT-VALUE}).")
                   int megabytes) throws IOException {
        new RecognizersTextEval(shared, QuantityRecognizer.create(), System.out, verbose).run();
        SpeedEval.run(shared, megabytes, System.out);
        return 0;
    }

    private static JsonNode readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no evaluation data at " + file + "; point --shared at the shared folder");
        }
        return Json.mapper().readTree(file.toFile());
    }
}
