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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

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

    /** An action that answers an exchange and may fail. */
    @FunctionalInterface
    public interface Responder {
        void respond() throws IOException;
    }

    private static final String ASYNC = "newsmetrics.async";
    private static final String STARTED = "newsmetrics.started";
    private static final String GUARD = "newsmetrics.guard";

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.setAttribute(STARTED, System.nanoTime());
        ex.setAttribute(GUARD, this);
        run(ex, false, () -> {
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
        });
    }

    /**
     * Marks the exchange as answered later, from another thread (through {@link #complete}): the
     * handler returns and frees its server thread, e.g. while a request is forwarded to another instance.
     */
    public static void detach(HttpExchange ex) {
        ex.setAttribute(ASYNC, Boolean.TRUE);
    }

    /** Answers a {@link #detach detached} exchange with the same error handling, closing and timing as a handler. */
    public static void complete(HttpExchange ex, Responder responder) {
        Object guard = ex.getAttribute(GUARD);
        if (guard instanceof Guarded g) {
            g.run(ex, true, responder);
        } else {
            try {
                responder.respond();
            } catch (IOException | RuntimeException e) {
                log.debug("answering {} failed", ex.getRequestURI(), e);
            } finally {
                ex.close();
            }
        }
    }

    /**
     * Runs a responder; closes the exchange and records it unless it was detached and the responder
     * returned normally (then {@link #complete} closes it later). {@code last}: this is that completion.
     */
    private void run(HttpExchange ex, boolean last, Responder responder) {
        boolean failed = true;
        try {
            responder.respond();
            failed = false;
        } catch (ApiException e) {
            send(ex, e);
        } catch (NotAvailableException e) {
            send(ex, ApiException.unavailable(e.getMessage(), e.retryAfterSeconds()));
        } catch (IOException e) {
            log.debug("client of {} went away: {}", ex.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            log.warn("request {} failed", ex.getRequestURI(), e);
            send(ex, new ApiException(500, "internal", "the request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            if (last || failed || ex.getAttribute(ASYNC) == null) {
                ex.close();
                record(ex);
            }
        }
    }

    private static void send(HttpExchange ex, ApiException e) {
        try {
            if (ex.getResponseCode() == -1) { // nothing sent yet
                HttpJson.sendError(ex, e);
            }
        } catch (IOException io) {
            log.debug("cannot send the error for {}: {}", ex.getRequestURI(), io.toString());
        }
    }

    private void record(HttpExchange ex) {
        if (registry != null && ex.getAttribute(STARTED) instanceof Long started) {
            timer(ex.getResponseCode()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** The route's timer for a status, registered once (a registry look-up per request costs more than the timing). */
    private Timer timer(int status) {
        Timer t = timers.get(status);
        if (t == null) {
            t = timers.computeIfAbsent(status, s -> Timer.builder("http.server.requests").tag("route", route)
                    .tag("status", String.valueOf(s)).register(registry));
        }
        return t;
    }

    private boolean authorized(String header) {
        // constant-time comparison: the token must not leak through response timing
        return header != null && MessageDigest.isEqual(token, header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
