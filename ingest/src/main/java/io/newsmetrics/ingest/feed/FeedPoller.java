package io.newsmetrics.ingest.feed;

import io.newsmetrics.ingest.fetch.Crawler;
import io.newsmetrics.ingest.fetch.FailureReason;
import io.newsmetrics.ingest.fetch.FetchException;
import io.newsmetrics.ingest.fetch.FetchedDocument;
import io.newsmetrics.model.UrlRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls RSS/Atom feeds and (news) sitemaps on a fixed delay and hands the links not seen before to a sink.
 * Each poll is a conditional GET (ETag / Last-Modified of the previous answer), through the {@link Crawler}, so
 * feeds get the same robots.txt, politeness and address guards as pages. A sitemap index is followed one level.
 * Links count as seen only once the sink has accepted them, so a failed hand-over is retried at the next poll.
 * State is in memory and per instance: after a restart the first poll hands every current link over again, and
 * with several ingest instances each polls every feed and hands its links over. Both are harmless: the links go
 * to {@code news-urls} keyed by host like every request, so each lands on one partition, and the ingest service's
 * dedupe, durable and aligned with those partitions, fetches it once within its window.
 */
public final class FeedPoller implements AutoCloseable {
    /** Links remembered per document. */
    static final int MAX_SEEN_PER_DOCUMENT = 20_000;
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** Where links and failures go. */
    public interface Sink {
        /** New links of a document; the returned future completes when they are safely handed over. */
        CompletableFuture<Void> links(String documentUrl, List<UrlRequest> links);

        /** A document could not be fetched or parsed. */
        void failed(String documentUrl, FetchException error);
    }

    private static final class DocumentState {
        volatile Map<String, String> validators = Map.of();
        final LinkedHashSet<String> seen = new LinkedHashSet<>();
    }

    private final List<String> feeds;
    private final Crawler crawler;
    private final Sink sink;
    private final Map<String, DocumentState> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    private FeedPoller(List<String> feeds, Crawler crawler, Sink sink) {
        this.feeds = List.copyOf(feeds);
        this.crawler = crawler;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsmetrics-feed-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** A poller that polls only when asked ({@link #pollOnce()}). */
    public static FeedPoller create(List<String> feeds, Crawler crawler, Sink sink) {
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(crawler, "crawler");
        Objects.requireNonNull(sink, "sink");
        return new FeedPoller(feeds, crawler, sink);
    }

    /** A poller that polls now and then every {@code interval} after the previous poll ended. */
    public static FeedPoller start(List<String> feeds, Duration interval, Crawler crawler, Sink sink) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        FeedPoller p = create(feeds, crawler, sink);
        if (!feeds.isEmpty()) {
            p.schedule(Duration.ZERO, interval);
        }
        return p;
    }

    private void schedule(Duration delay, Duration interval) {
        try {
            timer.schedule(() -> pollOnce().whenComplete((v, e) -> schedule(interval, interval)),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    /** Polls every feed once; completes when all are done (failures go to the sink, never fail the future). */
    public CompletableFuture<Void> pollOnce() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String feed : feeds) {
            all.add(poll(feed, true));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> poll(String url, boolean followIndex) {
        DocumentState state = states.computeIfAbsent(url, k -> new DocumentState());
        return crawler.fetchDocument(url, state.validators).thenCompose(doc -> {
            if (doc.notModified()) {
                log.debug("feed {} not modified", url);
                return CompletableFuture.<Void>completedFuture(null);
            }
            FeedLinks.Parsed parsed;
            try {
                parsed = FeedLinks.parse(doc.body(), doc.contentType(), doc.finalUrl());
            } catch (IllegalArgumentException e) {
                throw new CompletionException(FetchException.permanent(FailureReason.PARSE_FAILED, url, e.getMessage(), e));
            }
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            parts.add(handOver(url, state, doc, parsed.links()));
            if (followIndex) {
                for (String child : parsed.sitemaps()) {
                    parts.add(poll(child, false));
                }
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
        }).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            FetchException fe = cause instanceof FetchException f ? f
                    : FetchException.permanent(FailureReason.INTERNAL_ERROR, url, String.valueOf(cause), cause);
            if (fe.reason() != FailureReason.INTERRUPTED) {
                sink.failed(url, fe);
            }
            return null;
        });
    }

    private CompletableFuture<Void> handOver(String url, DocumentState state, FetchedDocument doc, List<String> links) {
        List<String> fresh;
        synchronized (state.seen) {
            fresh = links.stream().filter(l -> !state.seen.contains(l)).toList();
        }
        if (fresh.isEmpty()) {
            state.validators = doc.validators();
            return CompletableFuture.completedFuture(null);
        }
        List<UrlRequest> requests = fresh.stream().map(UrlRequest::of).toList();
        return sink.links(url, requests).thenRun(() -> {
            synchronized (state.seen) {
                state.seen.addAll(fresh);
                for (Iterator<String> it = state.seen.iterator(); state.seen.size() > MAX_SEEN_PER_DOCUMENT; ) {
                    it.next();
                    it.remove();
                }
            }
            state.validators = doc.validators(); // only now: a failed hand-over must refetch the full document
            log.info("feed {}: {} new links", url, fresh.size());
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
