package io.newsmetrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.ingest.fetch.FetchException;
import io.newsmetrics.ingest.fetch.UrlNormalizer;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.UrlRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads URL requests from their text forms: a {@code news-urls} record value (a plain URL or JSON
 * {@code {"url": ..., "force": false}}), a request body (a JSON array of such, or one per line), a CLI argument
 * (a URL or a local file path).
 */
public final class UrlRequests {

    /** One entry of a multi-line input, accepted or rejected. */
    public record Entry(int line, String input, UrlRequest request, String reason, String detail) {
        public boolean accepted() {
            return request != null;
        }
    }

    private UrlRequests() {
    }

    /**
     * Parses a {@code news-urls} record value.
     *
     * @throws IllegalArgumentException when it is neither a URL nor a JSON object with a string {@code url}
     */
    public static UrlRequest parseValue(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty value");
        }
        String v = value.strip();
        if (v.startsWith("{")) {
            return fromJson(v);
        }
        if (v.startsWith("\"")) { // a JSON string
            try {
                JsonNode n = Json.mapper().readTree(v);
                if (n.isTextual()) {
                    return UrlRequest.of(n.asText().strip());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed JSON string: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (v.lines().count() > 1) {
            throw new IllegalArgumentException("a record holds one URL, this one has several lines");
        }
        return UrlRequest.of(v);
    }

    private static UrlRequest fromJson(String json) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return fromNode(n);
    }

    private static UrlRequest fromNode(JsonNode n) {
        if (n.isTextual()) {
            return UrlRequest.of(n.asText().strip());
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a URL string or an object {\"url\": ..., \"force\": false}");
        }
        JsonNode url = n.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new IllegalArgumentException("field \"url\" must be a non-empty string");
        }
        JsonNode force = n.get("force");
        if (force != null && !force.isBoolean() && !force.isNull()) {
            throw new IllegalArgumentException("field \"force\" must be true or false");
        }
        return new UrlRequest(url.asText().strip(), force != null && force.asBoolean(false));
    }

    /**
     * Parses a request body: a JSON array (of URL strings or {@code {"url", "force"}} objects) or one URL
     * (or JSON object) per line; blank lines and lines starting with {@code #} are skipped. Each entry's URL is
     * checked with {@link #check(UrlRequest, boolean)}.
     *
     * @param allowFile whether {@code file:} URLs are accepted
     * @throws IllegalArgumentException when the body looks like a JSON array but is malformed
     */
    public static List<Entry> parseBody(String body, boolean allowFile) {
        Objects.requireNonNull(body, "body");
        List<Entry> entries = new ArrayList<>();
        String b = body.strip();
        if (b.startsWith("[")) {
            JsonNode array;
            try {
                array = Json.mapper().readTree(b);
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed JSON array: " + e.getMessage().lines().findFirst().orElse(""));
            }
            int i = 0;
            for (JsonNode n : array) {
                i++;
                String input = n.isTextual() ? n.asText() : n.toString();
                try {
                    entries.add(accepted(i, input, check(fromNode(n), allowFile)));
                } catch (IllegalArgumentException e) {
                    entries.add(new Entry(i, input, null, "INVALID_URL", e.getMessage()));
                }
            }
            return entries;
        }
        int line = 0;
        for (String raw : body.split("\\R", -1)) {
            line++;
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                entries.add(accepted(line, s, check(parseValue(s), allowFile)));
            } catch (IllegalArgumentException e) {
                entries.add(new Entry(line, s, null, "INVALID_URL", e.getMessage()));
            }
        }
        return entries;
    }

    private static Entry accepted(int line, String input, UrlRequest r) {
        return new Entry(line, input, r, null, null);
    }

    /**
     * Checks and normalizes a request's URL.
     *
     * @return the request with its URL normalized
     * @throws IllegalArgumentException with the reason when the URL is not acceptable
     */
    public static UrlRequest check(UrlRequest request, boolean allowFile) {
        Objects.requireNonNull(request, "request");
        URI uri;
        try {
            uri = UrlNormalizer.parse(request.url());
        } catch (FetchException e) {
            throw new IllegalArgumentException(e.detail());
        }
        if (!allowFile && "file".equals(uri.getScheme())) {
            throw new IllegalArgumentException("file: URLs are not accepted here");
        }
        return new UrlRequest(uri.toString(), request.force());
    }

    /**
     * A CLI argument as a request: an http(s) or file URL as given, else a path to an existing local file as a
     * {@code file:} URI.
     *
     * @throws IllegalArgumentException when it is neither a URL nor an existing regular file
     */
    public static UrlRequest fromArgument(String argument, boolean force) {
        Objects.requireNonNull(argument, "argument");
        String a = argument.strip();
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            return check(new UrlRequest(a, force), true);
        }
        try {
            Path p = Path.of(a).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("not a URL and not an existing file: " + a);
            }
            return new UrlRequest(p.toUri().toString(), force);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a URL and not a valid path: " + a);
        }
    }

    /** The record key used on {@code news-urls}: the host, so one host's URLs meet in one partition. */
    public static String keyOf(UrlRequest request) {
        try {
            URI uri = URI.create(request.url());
            return uri.getHost() == null ? request.url() : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return request.url();
        }
    }
}
