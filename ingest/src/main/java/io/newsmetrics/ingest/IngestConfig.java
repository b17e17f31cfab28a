package io.newsmetrics.ingest;

import io.newsmetrics.ingest.fetch.FetchSettings;

import io.newsmetrics.model.UrlRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the {@link IngestService}. Build with {@link #defaults(String)} and adjust with the
 * {@code withX} copies; every instance is immutable and checked at construction.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param applicationId    consumer group of the {@code news-urls} consumer, also the client id prefix
 * @param fetch            how pages are fetched: politeness, limits, timeouts, address policy
 * @param dedupeWindow     a URL fetched (or canonical URL produced) within this window is skipped unless
 *                         the request says {@code force}; the memory is durable and shared by the group's
 *                         instances (topic {@value FetchLog#TOPIC}); zero turns dedupe (and the topic) off
 * @param maxInFlight      most {@code news-urls} records being worked on at once; the consumer pauses above it
 * @param shutdownTimeout  how long {@link IngestService#close()} waits for work in progress
 * @param feeds            RSS/Atom feeds and (news) sitemaps to poll; their new links go to {@code news-urls}
 * @param feedPollInterval time between the end of one poll of the feeds and the start of the next
 */
public record IngestConfig(String bootstrapServers, String applicationId, FetchSettings fetch,
                           Duration dedupeWindow, int maxInFlight, Duration shutdownTimeout,
                           List<String> feeds, Duration feedPollInterval) {

    public static final String DEFAULT_APPLICATION_ID = "newsmetrics-ingest";
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofHours(1);
    public static final int DEFAULT_MAX_IN_FLIGHT = 1_000;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FEED_POLL_INTERVAL = Duration.ofMinutes(10);

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
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        for (String feed : feeds) {
            UrlRequests.check(UrlRequest.of(feed), false); // an unusable feed URL fails at start, not at poll
        }
        Objects.requireNonNull(feedPollInterval, "feedPollInterval");
        if (feedPollInterval.isNegative() || feedPollInterval.isZero()) {
            throw new IllegalArgumentException("feedPollInterval must be positive, was " + feedPollInterval);
        }
    }

    /** Defaults: group {@value #DEFAULT_APPLICATION_ID}, {@link FetchSettings#defaults()}, 1 h dedupe window. */
    public static IngestConfig defaults(String bootstrapServers) {
        return new IngestConfig(bootstrapServers, DEFAULT_APPLICATION_ID, FetchSettings.defaults(),
                DEFAULT_DEDUPE_WINDOW, DEFAULT_MAX_IN_FLIGHT, DEFAULT_SHUTDOWN_TIMEOUT, List.of(), DEFAULT_FEED_POLL_INTERVAL);
    }

    public IngestConfig withApplicationId(String applicationId) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    public IngestConfig withFetch(FetchSettings fetch) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    public IngestConfig withDedupeWindow(Duration dedupeWindow) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    public IngestConfig withMaxInFlight(int maxInFlight) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    public IngestConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    /** Feeds (RSS/Atom URLs or sitemap URLs) to poll, e.g. from {@code --feed URL}. */
    public IngestConfig withFeeds(List<String> feeds) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    public IngestConfig withFeedPollInterval(Duration feedPollInterval) {
        return new IngestConfig(bootstrapServers, applicationId, fetch, dedupeWindow, maxInFlight, shutdownTimeout, feeds, feedPollInterval);
    }

    static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }
}
