package io.newsmetrics.aggregator.streams;

/** A metric event that was read but cannot be aggregated; {@link #reason()} is a machine-readable code. */
public final class InvalidMetricEventException extends RuntimeException {
    private final String reason;

    public InvalidMetricEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why, e.g. {@code NO_VALUE}, {@code BAD_PERIOD}, {@code KEY_MISMATCH}. */
    public String reason() {
        return reason;
    }
}
