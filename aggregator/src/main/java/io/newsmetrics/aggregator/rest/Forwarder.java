package io.newsmetrics.aggregator.rest;

import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request on to another aggregator instance. The request carries {@link #FORWARDED_HEADER} so the
 * receiver answers from its own stores and never forwards again (no loops), and the bearer token if any.
 */
public final class Forwarder {
    /** Marks a request that one instance sent to another. */
    public static final String FORWARDED_HEADER = "X-Newsmetrics-Forwarded";

    private final HttpClient client;
    private final Duration timeout;
    private final String authToken;

    public Forwarder(Duration timeout, String authToken) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.authToken = authToken;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A response from another instance. */
    public record Reply(int status, byte[] body, String retryAfter) {
    }

    /** GETs {@code pathAndQuery} (raw, already encoded) from {@code host}. */
    public CompletableFuture<Reply> get(HostInfo host, String pathAndQuery) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header(FORWARDED_HEADER, "1").header("Accept", "application/json");
        if (authToken != null) {
            req.header("Authorization", "Bearer " + authToken);
        }
        return client.sendAsync(req.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null)));
    }

}
