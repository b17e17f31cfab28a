package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.model.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard over a real loopback HTTP server. */
class GuardedTest {
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/secret", Guarded.of(ex -> HttpJson.send(ex, 200, Map.of("ok", true)), "s3cret", null, "t"));
        server.createContext("/open", Guarded.of(ex -> HttpJson.send(ex, 200, Map.of("ok", true)), null, null, "t"));
        server.createContext("/boom", Guarded.of(ex -> {
            throw new IllegalStateException("kaput");
        }, null, null, "t"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> call(String method, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRequireTheBearerTokenWhenConfigured() throws Exception {
        HttpResponse<String> none = call("GET", "/secret", null);
        assertEquals(401, none.statusCode());
        assertEquals("unauthorized", Json.mapper().readTree(none.body()).path("error").asText());
        assertEquals(401, call("GET", "/secret", "Bearer wrong").statusCode());
        assertEquals(200, call("GET", "/secret", "Bearer s3cret").statusCode());
        assertEquals(200, call("GET", "/open", null).statusCode());
    }

    @Test
    void shouldRefuseOtherMethodsAndHideStackTraces() throws Exception {
        HttpResponse<String> post = call("POST", "/open", null);
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> boom = call("GET", "/boom", null);
        assertEquals(500, boom.statusCode());
        assertEquals("internal", Json.mapper().readTree(boom.body()).path("error").asText());
        assertTrue(boom.body().contains("kaput"));
        assertFalse(boom.body().contains("\tat "));
    }
}
