package io.newsmetrics.bench;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;

import java.util.Locale;

/**
 * The extractor's own speed, no Kafka: one thread runs {@link MetricExtractor#extract} over the articles the
 * pipeline bench sends. The pipeline cannot beat this figure times the cores the extractor gets.
 */
final class ExtractBench {
    record Result(int articles, long events, double seconds) {
        String describe() {
            return String.format(Locale.ROOT, "extract (no Kafka, 1 thread): %d articles -> %d events in %.1f s = %.0f articles/s "
                    + "(%.1f ms per article)", articles, events, seconds, articles / seconds, 1000 * seconds / articles);
        }
    }

    private ExtractBench() {
    }

    static Result run(Corpus corpus, int n) {
        MetricExtractor extractor = MetricExtractor.create();
        for (int i = 0; i < Math.min(200, n); i++) { // JIT warm-up
            extractor.extract(corpus.article(2_000_000 + i));
        }
        Article[] articles = new Article[n];
        for (int i = 0; i < n; i++) {
            articles[i] = corpus.article(i);
        }
        long events = 0;
        long t0 = System.nanoTime();
        for (Article a : articles) {
            events += extractor.extract(a).size();
        }
        return new Result(n, events, TransportBench.seconds(t0));
    }
}
