package io.newsmetrics.ingest;

import io.newsmetrics.ingest.fetch.FetchSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link IngestService}. Build with {@link #defaults(String)} and adjust with the
 * {@code withX} copies; every instance is immutable and checked at construction.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param applicationId    consumer group of the {@code news-urls} consumer, also the client id prefix
 * @param fetch            how pages are fetched: politeness, limits, timeouts, address policy
 * @param dedupeWindow     a URL fetched (or canonical URL produced) within this window is skipped unless
 *                         the request says {@code force}; the memory is per instance (not shared)
 * @param maxInFlight      most {@code news-urls} records being worked on at once; the consumer pauses above it
 * @param shutdownTimeout  how long {@link IngestService#close()} waits for work in progress
 */
public record IngestConfig(String bootstrapServers, String applicationId, FetchSettings fetch,
                           Duration dedupeWindow, int maxInFlight, Duration shutdownTimeout) {

    public static final String DEFAULT_APPLICATION_ID = "newsmetrics-ingest";
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofHours(1);
    public static final int DEFAULT_MAX_IN_FLIGHT = 1_000;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    public IngestConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be given");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId must be given");
        }
        Objects.requireNonNull(fetch, "fetch");
        requireNonNegative(dedupeWindow, "dedupeWindow");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        requireNonNegative(shutdownTimeout, "shutdownTimeout");
    }

    /** Defaults: group {@value #DEFAULT_APPLICATION_ID}, {@link FetchSettings#defaults()}, 1 h dedupe window. */
    public static IngestConfig defaults(String bootstrapServers) {
        return new IngestConfig(bootstrapServers, DEFAULT_APPLICATION_ID, FetchSettings.defaults(),
                DEFAULT_DEDUPE_WINDOW, DEFAULT_MAX_IN_FLIGHT, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public IngestConfig withApplicationId(String applicationId) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout);
    }

    public IngestConfig withFetch(FetchSettings fetch) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout);
    }

    public IngestConfig withDedupeWindow(Duration dedupeWindow) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout);
    }

    public IngestConfig withMaxInFlight(int maxInFlight) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout);
    }

    public IngestConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout);
    }

    static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }
}
