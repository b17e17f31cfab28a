package io.newsmetrics.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One HTTP exchange's outcome.
 *
 * @param uri        the URI requested
 * @param status     the status code
 * @param headers    the response headers
 * @param body       the body after content decoding; empty when it was not read (redirects, errors,
 *                   refused content types)
 * @param bodyRead   whether the body was read
 * @param reserved   bytes of the {@link ByteBudget} this body holds; release them once the body is used
 */
record HttpResult(URI uri, int status, HttpHeaders headers, byte[] body, boolean bodyRead, long reserved) {

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String contentType() {
        return header("Content-Type");
    }
}
