package io.newsmetrics.extractor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of {@link QuantityRecognizer#recognize} and {@link MetricExtractor#extract} in MB of
 * article text (UTF-8) per second, over the article bodies of {@code eval/article-extraction/ground-truth.json}
 * repeated to the requested volume. Prints one line per component after a warm-up pass.
 *
 * <p>Usage: {@code SpeedEval SHARED_DIR [MEGABYTES]}.
 */
public final class SpeedEval {
    private SpeedEval() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SpeedEval SHARED_DIR [MEGABYTES]");
            System.exit(2);
        }
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        run(Path.of(args[0]), mb, System.out);
    }

    /** Runs the measurement and returns the recogniser's MB/s. */
    public static double run(Path shared, int megabytes, PrintStream out) throws IOException {
        List<String> bodies = new ArrayList<>();
        Path truth = shared.resolve("eval/article-extraction/ground-truth.json");
        if (!Files.isRegularFile(truth)) {
            throw new IOException("no article bodies at " + truth);
        }
        for (JsonNode n : Json.mapper().readTree(truth.toFile())) {
            bodies.add(n.get("articleBody").asText());
        }
        long bytesPerRound = 0;
        for (String b : bodies) {
            bytesPerRound += b.getBytes(StandardCharsets.UTF_8).length;
        }
        int rounds = (int) Math.max(1, (long) megabytes * 1_000_000 / bytesPerRound);
        QuantityRecognizer recognizer = QuantityRecognizer.create();
        MetricExtractor extractor = MetricExtractor.create();
        List<Article> articles = new ArrayList<>();
        for (String b : bodies) {
            articles.add(Article.of("https://example.test/", null, "2025-01-01", b));
        }
        long sink = 0;
        for (int w = 0; w < Math.max(1, rounds / 5); w++) { // warm-up
            for (String b : bodies) {
                sink += recognizer.recognize(b).size();
            }
            for (Article a : articles) {
                sink += extractor.extract(a).size();
            }
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String b : bodies) {
                sink += recognizer.recognize(b).size();
            }
        }
        long t1 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Article a : articles) {
                sink += extractor.extract(a).size();
            }
        }
        long t2 = System.nanoTime();
        double mb = bytesPerRound * (double) rounds / 1e6;
        double quantities = mb / ((t1 - t0) / 1e9);
        double facts = mb / ((t2 - t1) / 1e9);
        out.printf(Locale.ROOT, "QuantityRecognizer.recognize  %.1f MB in %.2f s  %.1f MB/s%n", mb, (t1 - t0) / 1e9,
                quantities);
        out.printf(Locale.ROOT, "MetricExtractor.extract       %.1f MB in %.2f s  %.1f MB/s%n", mb, (t2 - t1) / 1e9,
                facts);
        out.println("(results: " + sink + ")");
        return quantities;
    }
}
