package io.newsmetrics.aggregator.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The errors Jetty answers itself (a malformed request line, headers too large, no route, a refused
 * request) in the API's JSON error shape, {@code {"error": "...", "detail": "..."}}, never an HTML page or
 * a stack trace.
 */
final class JsonErrors extends ErrorHandler {
    private static final String JSON = "application/json; charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** The JSON body for a status and Jetty's reason (the reason may be null). */
    static byte[] body(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return ("{\"error\":\"" + error(status) + "\",\"detail\":\"" + escape(detail) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String error(int status) {
        return switch (status) {
            case 503 -> "unavailable";
            case 500 -> "internal";
            default -> HttpStatus.getMessage(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
