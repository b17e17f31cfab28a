package io.newsmetrics.aggregator.streams;

/**
 * The data asked for is not queryable here and now (rebalancing, restoring, standby too far behind);
 * the HTTP layer answers 503 with {@link #retryAfterSeconds()}.
 */
public final class NotAvailableException extends RuntimeException {
    private final int retryAfterSeconds;

    public NotAvailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
