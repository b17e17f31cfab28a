package io.newsmetrics.ingest.parse;

/** A page refused because it is larger than any article page: it would cost memory for nothing. */
public final class PageTooLargeException extends IllegalArgumentException {
    private final String url;

    PageTooLargeException(String url, int chars, int limit) {
        super("page " + url + " has " + chars + " chars, more than the limit of " + limit);
        this.url = url;
    }

    /** The page's URL. */
    public String url() {
        return url;
    }
}
