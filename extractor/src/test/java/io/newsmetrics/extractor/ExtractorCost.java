package io.newsmetrics.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * CPU time and heap allocation per article of {@link MetricExtractor#extract} over the article-extraction true
 * bodies (the JMH benchmark's articles), measured with the thread's own CPU clock and allocation counter, so
 * that a machine shared with other work still gives comparable figures. Prints each pass and the median.
 *
 * <p>Usage: {@code ExtractorCost SHARED_DIR [PASSES] [extract|recognize]}: the whole extraction (default) or the
 * quantity recogniser alone.
 */
public final class ExtractorCost {
    private ExtractorCost() {
    }

    public static void main(String[] args) throws IOException {
        List<Article> articles = new ArrayList<>();
        for (JsonNode page : Json.mapper().readTree(Path.of(args[0], "eval/article-extraction/ground-truth.json")
                .toFile())) {
            articles.add(Article.of(page.path("url").asText("https://example.test/"), null, "2019-11-20",
                    page.path("articleBody").asText("")));
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean recognizeOnly = args.length > 2 && args[2].equals("recognize");
        MetricExtractor extractor = MetricExtractor.create();
        QuantityRecognizer recognizer = QuantityRecognizer.create();
        ToIntFunction<Article> run = recognizeOnly ? a -> recognizer.recognize(a.text()).size()
                : a -> extractor.extract(a).size();
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long sink = 0;
        for (int w = 0; w < passes / 2; w++) { // warm-up
            for (Article a : articles) {
                sink += run.applyAsInt(a);
            }
        }
        double[] cpu = new double[passes];
        double[] bytes = new double[passes];
        for (int p = 0; p < passes; p++) {
            long b0 = bean.getThreadAllocatedBytes(tid);
            long c0 = bean.getCurrentThreadCpuTime();
            for (Article a : articles) {
                sink += run.applyAsInt(a);
            }
            cpu[p] = (bean.getCurrentThreadCpuTime() - c0) / 1e3 / articles.size();
            bytes[p] = (double) (bean.getThreadAllocatedBytes(tid) - b0) / articles.size();
        }
        Arrays.sort(cpu);
        Arrays.sort(bytes);
        System.out.printf("%d articles x %d passes: median %.0f us CPU/article (min %.0f), %.0f B/article;"
                + " %.0f articles/s per core (results %d)%n", articles.size(), passes, cpu[passes / 2], cpu[0],
                bytes[passes / 2], 1e6 / cpu[passes / 2], sink);
    }
}
