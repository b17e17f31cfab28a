package io.newsmetrics.aggregator.server;

import com.sun.net.httpserver.HttpHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The HTTP server of a newsmetrics process: handlers written against the JDK's {@code com.sun.net.httpserver}
 * API, served by Jetty. Why not the JDK's own server: it cannot read a request without blocking, so its
 * dispatcher hands every request to a pool thread and back; on two cores those wake-ups halved the throughput
 * of small answers (single-key GETs and {@code /health} alike, aggregator/README.md). Jetty parses without
 * blocking, so small answers that never block (see {@code quick} in {@link #start}) are given on the I/O
 * thread; the rest run on a bounded pool.
 */
public final class ApiServer implements AutoCloseable {
    /** Requests waiting for a pool thread beyond this are answered 503 with Retry-After: overload sheds load. */
    public static final int QUEUE_CAPACITY = 1024;
    /** Jetty's own threads: acceptor, selector and spares for its internal tasks. */
    private static final int IO_THREADS = 6;
    /** Connections the kernel may hold before the server accepts them. */
    private static final int BACKLOG = 256;
    /** A connection without traffic for this long is closed (also bounds a client that sends half a request). */
    private static final long CONNECTION_IDLE_MS = 30_000;

    private final Server jetty;
    private final ServerConnector connector;
    private final ThreadPoolExecutor requests;

    private ApiServer(Server jetty, ServerConnector connector, ThreadPoolExecutor requests) {
        this.jetty = jetty;
        this.connector = connector;
        this.requests = requests;
    }

    /**
     * Binds {@code host:port} (port 0 = any free port), mounts {@code routes} by path prefix (the longest
     * prefix wins, as with the JDK server) and starts serving.
     *
     * @param threads request threads; enough to serve while some wait on a request forwarded elsewhere
     * @param quick   paths whose GET answers are small and never block: answered on the I/O thread
     * @throws UncheckedIOException when the address cannot be bound, naming it
     */
    public static ApiServer start(String host, int port, int threads, Map<String, HttpHandler> routes,
                                  Predicate<String> quick) {
        return start(host, port, threads, QUEUE_CAPACITY, routes, quick);
    }

    static ApiServer start(String host, int port, int threads, int queueCapacity, Map<String, HttpHandler> routes,
                           Predicate<String> quick) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(quick, "quick");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        // Jetty's own pool only does I/O (its queue must stay unbounded); requests that may block get a bounded pool
        QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, 2);
        io.setName("http-io");
        io.setDaemon(true);
        ThreadPoolExecutor requests = newRequestPool(threads, queueCapacity);
        Server jetty = new Server(io);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no version banner for scanners
        // keys may carry an encoded slash (/indicators/japan%2Fcpi); the handlers decode and validate them
        http.setUriCompliance(UriCompliance.DEFAULT.with("newsmetrics", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(BACKLOG);
        connector.setIdleTimeout(CONNECTION_IDLE_MS);
        jetty.addConnector(connector);
        jetty.setHandler(new RouteHandler(routes, quick, requests));
        jetty.setErrorHandler(new JsonErrors());
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            requests.shutdownNow();
            IOException cause = e instanceof IOException i ? i : new IOException(e);
            throw new UncheckedIOException("cannot serve HTTP on " + host + ":" + port
                    + " (is the port in use?): " + e.getMessage(), cause);
        }
        return new ApiServer(jetty, connector, requests);
    }

    /** {@code threads} threads, at most {@code capacity} requests waiting; beyond that the task is refused. */
    private static ThreadPoolExecutor newRequestPool(int threads, int capacity) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "http-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The port the server listens on (the bound one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting and closes connections; requests in flight get up to {@code graceMillis} to finish. */
    public void stop(long graceMillis) {
        jetty.setStopTimeout(Math.max(0, graceMillis));
        stopQuietly(jetty);
        requests.shutdownNow();
    }

    @Override
    public void close() {
        stop(0);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping is best effort; the process or test is ending
        }
    }
}
