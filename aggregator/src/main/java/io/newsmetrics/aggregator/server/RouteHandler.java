package io.newsmetrics.aggregator.server;

import com.sun.net.httpserver.HttpHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Dispatches each request to the route with the longest matching path prefix (as the JDK server does). Jetty
 * calls this on its I/O thread (it is declared non-blocking); a GET or HEAD on a path {@code quick} accepts is
 * answered right there, saving the hand-off to another thread that dominated the latency of small answers;
 * everything else runs on the pool, where it may block.
 */
final class RouteHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(RouteHandler.class);

    private final List<Map.Entry<String, HttpHandler>> routes;
    private final Predicate<String> quick;
    private final Executor pool;

    RouteHandler(Map<String, HttpHandler> routes, Predicate<String> quick, Executor pool) {
        super(Invocable.InvocationType.NON_BLOCKING);
        this.routes = routes.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, HttpHandler> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        this.quick = quick;
        this.pool = pool;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        HttpHandler handler = route(path);
        if (handler == null) {
            return false; // Jetty answers 404
        }
        String method = request.getMethod();
        boolean inline = ("GET".equals(method) || "HEAD".equals(method)) && quick.test(path);
        JettyExchange exchange;
        try {
            exchange = JettyExchange.of(request, response, callback, !inline);
        } catch (IllegalArgumentException e) {
            Response.writeError(request, response, callback, 400, "not a valid request target");
            return true;
        }
        if (inline) {
            run(handler, exchange);
            return true;
        }
        try {
            pool.execute(() -> run(handler, exchange));
        } catch (RejectedExecutionException e) {
            response.getHeaders().put("Retry-After", "1");
            Response.writeError(request, response, callback, 503, "too many requests waiting; retry later");
        }
        return true;
    }

    private HttpHandler route(String path) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, HttpHandler> r : routes) {
            if (path.startsWith(r.getKey())) {
                return r.getValue();
            }
        }
        return null;
    }

    private static void run(HttpHandler handler, JettyExchange exchange) {
        try {
            handler.handle(exchange);
        } catch (Throwable t) {
            log.debug("handler for {} failed", exchange.getRequestURI(), t);
            exchange.fail(t);
        }
    }
}
