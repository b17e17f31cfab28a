package io.newsmetrics.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.ingest.UrlPublisher;
import io.newsmetrics.model.UrlRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code up --demo}: serves the sample pages bundled in the jar from a local HTTP server and feeds their
 * URLs to {@code news-urls}, so a newcomer with no internet sees real metrics within a minute.
 */
final class DemoSite implements AutoCloseable {
    private static final String RESOURCES = "/demo/";

    private final HttpServer server;
    private final List<String> pages;

    private DemoSite(HttpServer server, List<String> pages) {
        this.server = server;
        this.pages = pages;
    }

    static DemoSite start(String bootstrapServers) {
        List<String> pages = pages();
        // the JDK server otherwise holds each small page ~40 ms for the crawler's delayed ACK; read on first use
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext(RESOURCES, DemoSite::serve);
            server.start();
            DemoSite site = new DemoSite(server, pages);
            try (UrlPublisher publisher = UrlPublisher.create(bootstrapServers)) {
                for (String page : pages) {
                    publisher.publish(new UrlRequest(site.baseUrl() + page, true));
                }
            }
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site", e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + RESOURCES;
    }

    int pageCount() {
        return pages.size();
    }

    private static List<String> pages() {
        try (InputStream in = DemoSite.class.getResourceAsStream(RESOURCES + "pages.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no demo pages (" + RESOURCES + "pages.txt)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo page list", e);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(RESOURCES.length());
        InputStream in = name.matches("[a-z0-9-]+\\.html") ? DemoSite.class.getResourceAsStream(RESOURCES + name) : null;
        if (in == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body;
        try (in) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
