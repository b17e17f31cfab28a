package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Wraps a handler: only GET and HEAD, optional bearer-token check, and every failure turned into a JSON
 * error body ({@link ApiException} as is, anything else a 500 without a stack trace).
 */
public final class Guarded implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(Guarded.class);

    private final HttpHandler delegate;
    private final byte[] token;
    private final MeterRegistry registry;
    private final String route;

    private Guarded(HttpHandler delegate, String authToken, MeterRegistry registry, String route) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.token = authToken == null ? null : ("Bearer " + authToken).getBytes(StandardCharsets.UTF_8);
        this.registry = registry;
        this.route = route;
    }

    /**
     * A guarded handler.
     *
     * @param authToken null means no authentication
     * @param registry  where to time requests ({@code http.server.requests} by route and status), or null
     * @param route     the route name for the timer
     */
    public static HttpHandler of(HttpHandler delegate, String authToken, MeterRegistry registry, String route) {
        return new Guarded(delegate, authToken, registry, route);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        try {
            String method = ex.getRequestMethod();
            if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                throw new ApiException(405, "method_not_allowed", method + " is not supported; use GET");
            }
            if (token != null && !authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                throw new ApiException(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required");
            }
            delegate.handle(ex);
        } catch (ApiException e) {
            HttpJson.sendError(ex, e);
        } catch (NotAvailableException e) {
            HttpJson.sendError(ex, ApiException.unavailable(e.getMessage(), e.retryAfterSeconds()));
        } catch (RuntimeException e) {
            log.warn("request {} failed", ex.getRequestURI(), e);
            HttpJson.sendError(ex, new ApiException(500, "internal", "the request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            ex.close();
            if (registry != null) {
                Timer.builder("http.server.requests").tag("route", route)
                        .tag("status", String.valueOf(ex.getResponseCode()))
                        .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean authorized(String header) {
        // constant-time comparison: the token must not leak through response timing
        return header != null && MessageDigest.isEqual(token, header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
