package io.newsmetrics.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: the extractor over the dev articles (the article-extraction benchmark's true bodies), one article per
 * operation, so ops/s is articles per second on one thread and {@code -prof gc}'s {@code gc.alloc.rate.norm} is
 * the allocation per article. MB/s = ops/s x the mean article size printed at set-up.
 *
 * <p>Run: {@code java -jar bench/target/newsmetrics-bench.jar jmh} (see README), or
 * {@code java -cp bench/target/newsmetrics-bench.jar org.openjdk.jmh.Main ExtractorBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ExtractorBenchmark {
    /** The shared folder holding {@code eval/article-extraction/ground-truth.json}. */
    @Param("../shared")
    public String shared;

    private final List<Article> articles = new ArrayList<>();
    private final MetricExtractor extractor = MetricExtractor.create();
    private final QuantityRecognizer recognizer = QuantityRecognizer.create();
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path truth = Path.of(shared).resolve("eval/article-extraction/ground-truth.json");
        if (!Files.isRegularFile(truth)) {
            throw new IOException("no dev articles at " + truth + "; pass -p shared=DIR");
        }
        long bytes = 0;
        for (JsonNode page : Json.mapper().readTree(truth.toFile())) {
            String body = page.path("articleBody").asText("");
            bytes += body.getBytes(StandardCharsets.UTF_8).length;
            articles.add(Article.of(page.path("url").asText("https://example.test/"), null, "2019-11-20", body));
        }
        System.out.printf("%n%d articles, mean %.0f bytes of text: MB/s = ops/s x %.6f%n", articles.size(),
                (double) bytes / articles.size(), (double) bytes / articles.size() / 1e6);
    }

    private Article nextArticle() {
        Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return a;
    }

    /** Whole extraction of one article: quantities, labels, subjects, periods, events. */
    @Benchmark
    public Object extractArticle() {
        return extractor.extract(nextArticle());
    }

    /** Quantity recognition alone over one article's text. */
    @Benchmark
    public Object recognizeArticle() {
        return recognizer.recognize(nextArticle().text());
    }
}
