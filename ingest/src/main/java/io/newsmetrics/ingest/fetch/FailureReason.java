package io.newsmetrics.ingest.fetch;

/** Why a URL could not be turned into an article: the {@code reason} of its dead letter. */
public enum FailureReason {
    /** The request or URL is malformed, or names a scheme other than http, https (and file when allowed). */
    INVALID_URL(false),
    /** The host resolves to an address the policy refuses: loopback, private, link-local, multicast, ... */
    BLOCKED_ADDRESS(false),
    /** The host name does not resolve. */
    UNKNOWN_HOST(false),
    /** robots.txt disallows the URL for our agent. */
    ROBOTS_DISALLOWED(false),
    /** robots.txt could not be fetched (5xx, timeout): crawling is deferred, and after the last try given up. */
    ROBOTS_UNAVAILABLE(true),
    /** The server answered with a status that is not success (after retries for 429/5xx). */
    HTTP_STATUS(false),
    /** Too many redirects, a redirect loop, or a redirect without a usable Location. */
    REDIRECT_FAILED(false),
    /** The body (raw or decoded) is larger than the limit, or a local file is. */
    TOO_LARGE(false),
    /** The content type is not HTML, XHTML or plain text. */
    UNSUPPORTED_CONTENT_TYPE(false),
    /** The content encoding is unknown or the compressed body is corrupt. */
    DECODING_FAILED(false),
    /** Connect or total timeout. */
    TIMEOUT(true),
    /** The connection failed or broke (refused, reset, TLS failure). */
    CONNECTION_FAILED(true),
    /** Too many large bodies held at once (memory budget): the URL is retried later. */
    OVERLOADED(true),
    /** The page was fetched but the parser failed on it. */
    PARSE_FAILED(false),
    /** A {@code file:} URL that is not a readable regular file. */
    FILE_NOT_READABLE(false),
    /** The article or its dead letter could not be written to Kafka. */
    PRODUCE_FAILED(false),
    /** The service shut down before the URL was done (it is re-read from the topic after restart). */
    INTERRUPTED(false),
    /** Anything unexpected; the detail says what. */
    INTERNAL_ERROR(false);

    private final boolean transientByDefault;

    FailureReason(boolean transientByDefault) {
        this.transientByDefault = transientByDefault;
    }

    /** Whether failures of this kind are worth another try. */
    public boolean isTransient() {
        return transientByDefault;
    }
}
