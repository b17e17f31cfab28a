package io.newsmetrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The aggregator's HTTP API as the benchmarks read it. */
final class Api {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status and body of a GET. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every indicator of the listing, page by page; fails when the listing says it is incomplete. */
    List<JsonNode> listAll() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> r = get("/indicators?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            if (r.statusCode() != 200) {
                throw new IOException("GET /indicators answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode page = Json.mapper().readTree(r.body());
            if (!page.path("complete").asBoolean(false)) {
                throw new IOException("listing incomplete: " + page.path("missingPartitions") + " " + page.path("errors"));
            }
            page.path("items").forEach(out::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return out;
    }

    /** The path of a key's history, each segment percent-encoded. */
    static String historyPath(String key) {
        StringBuilder p = new StringBuilder("/indicators");
        for (String segment : key.split("/", -1)) {
            p.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
        }
        return p.append("/history").toString();
    }
}
