package io.newsmetrics.aggregator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A standalone aggregator: an {@link AggregatorService} plus its own HTTP server with a bounded thread pool.
 * The launcher mounts {@link AggregatorService#routes()} on its shared server instead; tests and benchmarks
 * use this.
 */
public final class AggregatorServer implements AutoCloseable {
    /** Requests waiting for a thread beyond this are run by the accepting thread (back-pressure). */
    static final int QUEUE_CAPACITY = 1024;
    /** JDK HttpServer switch for TCP_NODELAY; read once, when the JDK server classes first load. */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final AggregatorService service;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private AggregatorServer(AggregatorService service, HttpServer server, ThreadPoolExecutor executor) {
        this.service = service;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the service and serves its routes on {@code bindAddress:port}.
     *
     * @param port the port; should be the config's advertised port so other instances can reach it
     */
    public static AggregatorServer start(AggregatorConfig config, String bindAddress, int port) {
        Objects.requireNonNull(config, "config");
        enableNoDelay();
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        ThreadPoolExecutor executor = newExecutor(config.httpThreads());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
        }
        AggregatorService service = AggregatorService.start(config);
        service.routes().forEach(server::createContext);
        server.setExecutor(executor);
        server.start();
        return new AggregatorServer(service, server, executor);
    }

    /**
     * Turns on TCP_NODELAY for the JDK HTTP server unless set otherwise. Without it a small JSON answer
     * (headers and body written separately) waits for the client's delayed ACK: about 40 ms per request,
     * single-key GETs measured 173 req/s instead of 3,400 here. Call before the first
     * {@code HttpServer.create} of the process (the launcher should call it, or pass
     * {@code -Dsun.net.httpserver.nodelay=true}).
     */
    public static void enableNoDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** Starts on all interfaces at the config's advertised port. */
    public static AggregatorServer start(AggregatorConfig config) {
        return start(config, "0.0.0.0", config.advertisedPort());
    }

    /** A fixed-size pool with a bounded queue; when full, the accepting thread runs the request itself. */
    public static ThreadPoolExecutor newExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(r, "aggregator-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        return executor;
    }

    public AggregatorService service() {
        return service;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        close(true);
    }

    /** Stops; with {@code leaveGroup} false like a crash as far as the consumer group can tell (for tests). */
    void close(boolean leaveGroup) {
        server.stop(0);
        executor.shutdownNow();
        service.close(leaveGroup);
    }
}
