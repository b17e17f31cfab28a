package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code GET /metrics}: the registry in Prometheus text format 0.0.4. */
public final class MetricsHandler {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsHandler() {
    }

    public static HttpHandler of(PrometheusMeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return ex -> HttpJson.sendBytes(ex, 200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
