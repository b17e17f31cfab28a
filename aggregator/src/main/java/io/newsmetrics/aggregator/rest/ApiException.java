package io.newsmetrics.aggregator.rest;

/**
 * An HTTP error with its JSON body {@code {"error": ..., "detail": ...}}.
 *
 * @see HttpJson#sendError
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final int retryAfterSeconds;

    public ApiException(int status, String error, String detail) {
        this(status, error, detail, -1);
    }

    public ApiException(int status, String error, String detail, int retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, "unavailable", detail, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Seconds for a {@code Retry-After} header, or -1 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
