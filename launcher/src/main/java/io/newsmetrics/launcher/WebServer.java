package io.newsmetrics.launcher;

import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.aggregator.server.ApiServer;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;

/** The one HTTP server of a process; every service it runs mounts its routes here. */
final class WebServer implements AutoCloseable {
    /** Enough threads to serve queries while some wait on a forwarded request to another instance. */
    private static final int THREADS = 16;
    /** How long requests in flight may take to finish when the server stops. */
    private static final long STOP_GRACE_MS = 1_000;

    private final ApiServer server;

    private WebServer(ApiServer server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code host:port} (port 0 = any free port) with the given routes.
     *
     * @param quick paths whose GET answers never block (answered on the I/O thread)
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    static WebServer start(String host, int port, Map<String, HttpHandler> routes, Predicate<String> quick) {
        try {
            return new WebServer(ApiServer.start(host, port, THREADS, routes, quick));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(e.getMessage() + " (choose another with --http-port)", e.getCause());
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop(STOP_GRACE_MS);
    }
}
