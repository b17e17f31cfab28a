package io.newsmetrics.ingest.fetch;

import io.newsmetrics.model.Article;

import java.util.Map;

/**
 * A URL crawled successfully.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL the content came from, after redirects
 * @param article      the parsed article, or null when {@link #notModified()}
 * @param notModified  a conditional GET answered 304: the page has not changed since the last fetch
 * @param attempts     tries it took (1 = no retry)
 * @param validators   request headers for a later conditional GET of this URL ({@code If-None-Match},
 *                     {@code If-Modified-Since}) from this answer; empty when the server gave none, for files,
 *                     and for a 304 (the validators sent still hold)
 */
public record CrawlResult(String requestedUrl, String finalUrl, Article article, boolean notModified, int attempts,
                          Map<String, String> validators) {

    public CrawlResult {
        validators = validators == null ? Map.of() : Map.copyOf(validators);
    }

    /** A result without validators. */
    public CrawlResult(String requestedUrl, String finalUrl, Article article, boolean notModified, int attempts) {
        this(requestedUrl, finalUrl, article, notModified, attempts, Map.of());
    }
}
