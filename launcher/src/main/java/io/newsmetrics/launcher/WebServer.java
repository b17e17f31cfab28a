package io.newsmetrics.launcher;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The one HTTP server of a process; every service it runs mounts its routes here. */
final class WebServer implements AutoCloseable {
    /** Enough threads to serve queries while some wait on a forwarded request to another instance. */
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;

    private WebServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server on {@code host:port} (port 0 = any free port) with the given routes.
     *
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    static WebServer start(String host, int port, Map<String, HttpHandler> routes) {
        // small JSON answers otherwise wait ~40 ms for a delayed ACK; must be set before the JDK server's first use
        io.newsmetrics.aggregator.AggregatorServer.enableNoDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
            routes.forEach(server::createContext);
            // bounded queue, caller runs when full: overload slows accepting instead of growing memory
            ExecutorService executor = io.newsmetrics.aggregator.AggregatorServer.newExecutor(THREADS);
            server.setExecutor(executor);
            server.start();
            return new WebServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HTTP on " + host + ":" + port
                    + " (is the port in use? choose another with --http-port)", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
