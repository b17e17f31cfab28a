package io.newsmetrics.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /ingest/stats}: the service's counters as JSON. */
final class StatsHandler implements HttpHandler {
    private final Supplier<Map<String, Long>> stats;

    StatsHandler(Supplier<Map<String, Long>> stats) {
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                HttpExchanges.sendJson(exchange, 405, Map.of("error", "use GET"));
                return;
            }
            HttpExchanges.sendJson(exchange, 200, stats.get());
        }
    }
}
