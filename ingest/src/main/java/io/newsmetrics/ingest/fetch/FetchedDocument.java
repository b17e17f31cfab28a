package io.newsmetrics.ingest.fetch;

import java.util.Map;

/**
 * A document fetched by the {@link Crawler} (after redirects), for callers that parse it themselves (feeds,
 * sitemaps).
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     where the content came from, after redirects
 * @param status       200-range, or 304 when a conditional GET found it unchanged
 * @param contentType  the Content-Type header, or null
 * @param body         the decoded body (empty for 304)
 * @param validators   request headers for the next conditional GET ({@code If-None-Match},
 *                     {@code If-Modified-Since}); empty when the server gave no ETag or Last-Modified
 * @param attempts     tries of the last hop (1 = no retry)
 */
public record FetchedDocument(String requestedUrl, String finalUrl, int status, String contentType, byte[] body,
                              Map<String, String> validators, int attempts) {

    public FetchedDocument {
        validators = validators == null ? Map.of() : Map.copyOf(validators);
    }

    /** A conditional GET found the document unchanged. */
    public boolean notModified() {
        return status == 304;
    }
}
