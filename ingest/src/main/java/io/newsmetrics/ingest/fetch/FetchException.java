package io.newsmetrics.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to fetch one URL, with its {@link FailureReason}, the URL concerned and, for transient failures,
 * how long to wait before the next try.
 */
public final class FetchException extends Exception {
    private final FailureReason reason;
    private final String url;
    private final String detail;
    private final boolean retryable;
    private final Duration retryAfter;

    private FetchException(FailureReason reason, String url, String detail, boolean retryable, Duration retryAfter,
                           Throwable cause) {
        super(reason + " " + url + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.url = url;
        this.detail = detail;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure that another try will not fix. */
    public static FetchException permanent(FailureReason reason, String url, String detail) {
        return new FetchException(reason, url, detail, false, null, null);
    }

    public static FetchException permanent(FailureReason reason, String url, String detail, Throwable cause) {
        return new FetchException(reason, url, detail, false, null, cause);
    }

    /** A failure worth another try; {@code retryAfter} is the server's wish, or null. */
    public static FetchException retryable(FailureReason reason, String url, String detail, Duration retryAfter,
                                           Throwable cause) {
        return new FetchException(reason, url, detail, true, retryAfter, cause);
    }

    public FailureReason reason() {
        return reason;
    }

    public String url() {
        return url;
    }

    /** What went wrong, without the reason and URL (those are in {@link #getMessage()}). */
    public String detail() {
        return detail;
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the server asked for in Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
