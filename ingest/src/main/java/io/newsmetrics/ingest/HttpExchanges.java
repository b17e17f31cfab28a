package io.newsmetrics.ingest;

import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for the JDK HTTP server's exchanges. */
final class HttpExchanges {
    /** Past the limit, up to this much more is read and dropped so the client can read our 413, not a reset. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private HttpExchanges() {
    }

    /** Sends {@code body} as JSON with the status, and closes the exchange. */
    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The request body as UTF-8, or null when it is longer than {@code limit} bytes. */
    static String readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > limit) {
                    long dropped = 0;
                    while (dropped < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
                        dropped += n;
                    }
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
