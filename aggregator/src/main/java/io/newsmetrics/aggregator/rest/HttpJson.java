package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing JSON and error responses on an exchange. */
public final class HttpJson {
    public static final String JSON = "application/json; charset=utf-8";

    private HttpJson() {
    }

    /** Sends {@code body} as JSON with {@code status}. */
    public static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = body instanceof byte[] b ? b : Json.mapper().writeValueAsBytes(body);
        sendBytes(ex, status, JSON, bytes);
    }

    /** Sends raw bytes with a content type; HEAD requests get the headers only. */
    public static void sendBytes(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : (bytes.length == 0 ? -1 : bytes.length));
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** Sends {@code {"error": ..., "detail": ...}}, with {@code Retry-After} when the error has one. */
    public static void sendError(HttpExchange ex, ApiException e) throws IOException {
        if (e.retryAfterSeconds() >= 0) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.getMessage());
        send(ex, e.status(), body);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
