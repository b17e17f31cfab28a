package io.newsmetrics.model;

import java.util.Objects;

/**
 * A request to ingest one URL, as read from the {@code news-urls} topic.
 *
 * @param url   the page to fetch
 * @param force fetch again even when the URL was fetched recently
 */
public record UrlRequest(String url, boolean force) {
    public UrlRequest {
        Objects.requireNonNull(url, "url");
    }

    public static UrlRequest of(String url) {
        return new UrlRequest(url, false);
    }
}
