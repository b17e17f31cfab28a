package io.newsmetrics.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /urls}: takes URLs to ingest and writes them to {@code news-urls}.
 * <p>
 * Body: a JSON array of URL strings or {@code {"url": ..., "force": false}} objects, or one URL (or such object)
 * per line; blank and {@code #} lines are skipped. All or nothing: when every entry is valid they are written
 * (and acknowledged by the broker) and the answer is 202 {@code {"accepted": n, "urls": [...]}}; when any entry
 * is invalid nothing is written and the answer is 400 {@code {"accepted": 0, "rejected": [{"line", "input",
 * "reason", "detail"}]}}, so a client can fix and resend without creating duplicates. Only http and https URLs
 * are accepted here: {@code file:} URLs would let a remote client read the server's files.
 */
final class UrlsHandler implements HttpHandler {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_URLS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(UrlsHandler.class);

    private final Producer<String, String> producer;
    private final boolean allowFile;

    UrlsHandler(Producer<String, String> producer, boolean allowFile) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.allowFile = allowFile;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpExchanges.sendJson(exchange, 405, Map.of("error", "use POST with a JSON array or one URL per line"));
                return;
            }
            String body = HttpExchanges.readBody(exchange, MAX_BODY_BYTES);
            if (body == null) {
                HttpExchanges.sendJson(exchange, 413, Map.of("error", "body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            List<UrlRequests.Entry> entries;
            try {
                entries = UrlRequests.parseBody(body, allowFile);
            } catch (IllegalArgumentException e) {
                HttpExchanges.sendJson(exchange, 400, Map.of("accepted", 0, "error", e.getMessage()));
                return;
            }
            if (entries.isEmpty()) {
                HttpExchanges.sendJson(exchange, 400, Map.of("accepted", 0, "error", "no URL in the body"));
                return;
            }
            if (entries.size() > MAX_URLS) {
                HttpExchanges.sendJson(exchange, 413, Map.of("accepted", 0,
                        "error", entries.size() + " URLs; at most " + MAX_URLS + " per request"));
                return;
            }
            List<Map<String, Object>> rejected = new ArrayList<>();
            for (UrlRequests.Entry e : entries) {
                if (!e.accepted()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("line", e.line());
                    r.put("input", e.input().length() > 500 ? e.input().substring(0, 500) + "..." : e.input());
                    r.put("reason", e.reason());
                    r.put("detail", e.detail());
                    rejected.add(r);
                }
            }
            if (!rejected.isEmpty()) {
                HttpExchanges.sendJson(exchange, 400, Map.of("accepted", 0, "rejected", rejected));
                return;
            }
            List<UrlRequest> requests = entries.stream().map(UrlRequests.Entry::request).toList();
            try {
                publish(requests);
            } catch (KafkaException | ExecutionException | TimeoutException e) {
                log.warn("cannot write {} URLs to {}: {}", requests.size(), Topics.NEWS_URLS, e.toString());
                HttpExchanges.sendJson(exchange, 503, Map.of("accepted", 0,
                        "error", "cannot write to " + Topics.NEWS_URLS + ": " + e.getMessage()));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                HttpExchanges.sendJson(exchange, 503, Map.of("accepted", 0, "error", "interrupted"));
                return;
            }
            HttpExchanges.sendJson(exchange, 202, Map.of("accepted", requests.size(), "urls", requests));
        }
    }

    private void publish(List<UrlRequest> requests) throws ExecutionException, InterruptedException, TimeoutException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(requests.size());
        for (UrlRequest r : requests) {
            sends.add(producer.send(new ProducerRecord<>(Topics.NEWS_URLS, UrlRequests.keyOf(r), Json.write(r))));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sends) {
            f.get(30, TimeUnit.SECONDS);
        }
    }
}
