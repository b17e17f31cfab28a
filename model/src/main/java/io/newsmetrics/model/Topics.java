package io.newsmetrics.model;

import java.util.List;

/** Names of the Kafka topics the services talk over. */
public final class Topics {
    /** Input: a URL per record, plain or JSON {@code {"url": ..., "force": false}}. */
    public static final String NEWS_URLS = "news-urls";
    /** Article JSON, key = canonical URL. */
    public static final String ARTICLES = "articles";
    /** Metric event JSON (schema v1), key = indicator key. */
    public static final String METRICS = "metrics";
    /** Latest value per indicator key, compacted; for consumers that want a table. */
    public static final String INDICATORS_LATEST = "indicators-latest";
    /** Dead letters of the ingest service: URLs that could not be fetched or parsed. */
    public static final String NEWS_URLS_DLQ = "news-urls-dlq";
    /** Dead letters of the extractor: articles that could not be read or processed. */
    public static final String ARTICLES_DLQ = "articles-dlq";
    /** Dead letters of the aggregator: metric events that could not be read or processed. */
    public static final String METRICS_DLQ = "metrics-dlq";

    /** Every topic the pipeline creates at start-up when missing. */
    public static final List<String> ALL = List.of(
            NEWS_URLS, ARTICLES, METRICS, INDICATORS_LATEST, NEWS_URLS_DLQ, ARTICLES_DLQ, METRICS_DLQ);

    /** Topics that keep only the latest record per key. */
    public static final List<String> COMPACTED = List.of(INDICATORS_LATEST);

    private Topics() {
    }
}
