package io.newsmetrics.ingest.fetch;

import io.newsmetrics.model.Article;

/**
 * A URL crawled successfully.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL the content came from, after redirects
 * @param article      the parsed article, or null when {@link #notModified()}
 * @param notModified  a conditional GET answered 304: the page has not changed since the last fetch
 * @param attempts     tries it took (1 = no retry)
 */
public record CrawlResult(String requestedUrl, String finalUrl, Article article, boolean notModified, int attempts) {
}
