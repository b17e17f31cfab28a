package io.newsmetrics.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 for tests, with a log of the paths requested. */
public final class TestSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<HttpExchangeRecord> exchanges = new CopyOnWriteArrayList<>();

    /** What the server saw of one request. */
    public record HttpExchangeRecord(String path, String userAgent, String ifNoneMatch, String host, long atNanos) {
    }

    public TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Mounts a handler; every request is logged before it runs. */
    public TestSite route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            exchanges.add(new HttpExchangeRecord(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("Host"), System.nanoTime()));
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                // misbehaving handlers end the exchange abruptly, as intended
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** A fixed page. */
    public TestSite page(String path, int status, String contentType, String body) {
        return route(path, ex -> send(ex, status, contentType, body));
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    public static String article(String title, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>").append(title)
                .append("</title></head><body><article><h1>").append(title).append("</h1>");
        for (String p : paragraphs) {
            sb.append("<p>").append(p).append("</p>");
        }
        return sb.append("</article></body></html>").toString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<HttpExchangeRecord> exchanges() {
        return List.copyOf(exchanges);
    }

    public long count(String path) {
        return requests.stream().filter(path::equals).count();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
