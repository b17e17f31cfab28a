package io.newsmetrics.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.ingest.UrlPublisher;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.UrlRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end scenario of the foundation, for any broker: a local web server serves the seed page,
 * its URL goes to {@code news-urls}, and the aggregator's HTTP API soon answers with China's internet
 * users and the AI industry's size.
 */
final class EndToEndScenario {
    static final Duration WAIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EndToEndScenario() {
    }

    static void run(PipelineConfig config) throws Exception {
        HttpServer site = serveSeedPage();
        try (Pipeline pipeline = Pipeline.start(config)) {
            String pageUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/news/china-ai-industry-2024.html";
            try (UrlPublisher publisher = UrlPublisher.create(pipeline.bootstrapServers())) {
                publisher.publish(UrlRequest.of(pageUrl));
            }
            String api = "http://127.0.0.1:" + pipeline.httpPort();

            JsonNode users = awaitIndicator(api, n -> number(n, "value") == 1.123e9);
            assertEquals("count", text(users, "unit"), users::toString);
            assertEquals("2025-06", text(users, "period"), users::toString);
            String key = text(users, "key");
            assertTrue(key.startsWith("china/"), key);

            JsonNode byKey = get(api + "/indicators/" + key).orElseThrow();
            assertEquals(1.123e9, number(latest(byKey), "value"), byKey::toString);

            JsonNode industry = awaitIndicator(api, n -> number(n, "value") == 7e11);
            assertEquals("CNY", text(industry, "unit"), industry::toString);
            assertEquals("more_than", text(industry, "qualifier"), industry::toString);
            assertEquals("2024", text(industry, "period"), industry::toString);

            HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/indicators/nowhere/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(Json.mapper().readTree(missing.body()).has("error"), missing.body());
        } finally {
            site.stop(0);
        }
    }

    /** Polls the listing until an indicator's latest observation matches, then returns that observation. */
    static JsonNode awaitIndicator(String api, Predicate<JsonNode> latestMatches) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> seen = List.of();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> listing = get(api + "/indicators?limit=1000");
            if (listing.isPresent()) {
                seen = indicators(listing.get());
                for (JsonNode indicator : seen) {
                    JsonNode latest = latest(indicator);
                    if (latestMatches.test(latest)) {
                        return latest;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no matching indicator within " + WAIT + "; saw " + seen);
    }

    /** Every object in a listing that carries a key: the indicators, however the listing is wrapped. */
    static List<JsonNode> indicators(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isObject() && node.has("key") && (node.has("latest") || node.has("value"))) {
            out.add(node);
        } else {
            node.forEach(child -> out.addAll(indicators(child)));
        }
        return out;
    }

    /** The latest observation of an indicator, with its key. */
    static JsonNode latest(JsonNode indicator) {
        JsonNode latest = indicator.has("latest") ? indicator.get("latest").deepCopy() : indicator.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) latest).set("key", indicator.get("key"));
        return latest;
    }

    static Optional<JsonNode> get(String url) throws Exception {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(Json.mapper().readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not up yet
        }
    }

    static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A real web server on loopback serving the seed page bundled with the demo. */
    static HttpServer serveSeedPage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/news/", exchange -> {
            byte[] body;
            try (InputStream in = EndToEndScenario.class.getResourceAsStream("/demo/china-ai-industry-2024.html")) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    static PipelineConfig config(Path dataDir) {
        return PipelineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withHttp("127.0.0.1", "127.0.0.1")
                .withPartitions(3)
                .withAllowPrivateAddresses(true); // the test's web server is on loopback
    }
}
