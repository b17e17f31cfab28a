package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.model.Json;

import java.io.ByteArrayOutputStream;
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

    /** Writes a JSON value to a generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Sends a small JSON body with a Content-Length: written to memory first, then sent in one piece
     * (single-key answers; a fixed length costs the JDK server less than chunked encoding).
     */
    public static void send(HttpExchange ex, int status, Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = Json.mapper().createGenerator(buf)) {
            body.write(g);
        }
        sendBytes(ex, status, JSON, buf.toByteArray());
    }

    /**
     * Streams a JSON body of unknown length (chunked) straight from the generator to the connection: a listing of
     * 10,000 indicators is never held as one array. HEAD requests get the headers only.
     */
    public static void stream(HttpExchange ex, int status, Body body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", JSON);
        if ("HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, 0);
        try (OutputStream out = ex.getResponseBody(); JsonGenerator g = Json.mapper().createGenerator(out)) {
            body.write(g);
        }
        ex.close();
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
