package io.newsmetrics.ingest;

import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.ingest.feed.FeedPoller;
import io.newsmetrics.ingest.fetch.CrawlResult;
import io.newsmetrics.ingest.fetch.Crawler;
import io.newsmetrics.ingest.fetch.FailureReason;
import io.newsmetrics.ingest.fetch.FetchException;
import io.newsmetrics.ingest.fetch.HostResolver;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.DeadLetter;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest service: consumes {@code news-urls}, crawls each URL politely and safely, and writes the parsed
 * {@link Article} to {@code articles} (key = canonical URL) or a {@link DeadLetter} saying why not to
 * {@code news-urls-dlq}.
 * <p>
 * At-least-once: a record's offset is committed only after its article or dead letter is acknowledged by the
 * broker, and only as part of a contiguous finished prefix of its partition (records finish out of order).
 * A record whose output cannot be written is read again.
 * <p>
 * Dedupe: a URL fetched (or claimed by a fetch in progress) within {@link IngestConfig#dedupeWindow()}, or
 * produced as an article's canonical or final URL, is skipped unless the request says {@code force}. The memory
 * is durable and partition-aligned (see {@link FetchLog}): after each fetch, an entry goes to the compacted topic
 * {@value FetchLog#TOPIC}, in the partition of the {@code news-urls} record (a record not keyed by
 * {@link UrlRequests#keyOf}, from a foreign producer, is first written again under that key, so all requests for a
 * URL meet in one partition); when a {@code news-urls} partition is assigned, its entries within the window are
 * read before any of its records is processed (only the log's tail when the partition comes back to this
 * instance), and they are dropped when the partition goes elsewhere. Claims of fetches still in progress are
 * dropped whenever their records are to be read again, so a record read again is never skipped because of its own
 * unfinished attempt. So neither a restart nor a partition moving to another instance fetches a URL again, and
 * several instances in one group share the dedupe. A forced request is a
 * conditional GET with the ETag / Last-Modified of its last fetch within the window (from the log, so across
 * restarts and instances); a 304 produces no new article (the article of that fetch is on {@code articles}
 * already), is counted as {@code notModified}, logged, and refreshes the entry's time. Remaining gap
 * (at-least-once): a URL whose fetch was still in progress when its partition moved is fetched again by the new
 * owner, as its record is read again anyway.
 * <p>
 * {@link #routes()} offers {@code POST /urls} (see {@link UrlsHandler}) and {@code GET /ingest/stats}.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** After a record's output could not be written, its partition is paused this long before it is read again. */
    private static final Duration FAILED_PARTITION_PAUSE = Duration.ofSeconds(5);
    /** Largest record the producer sends; the embedded broker's message.max.bytes is 2 MiB. */
    private static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024 - 64 * 1024;

    private final IngestConfig config;
    private final Crawler crawler;
    private final Producer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final OffsetTracker tracker = new OffsetTracker();
    private final RecentUrls recent;
    /** The durable dedupe memory, or null when dedupe is off (zero window). */
    private final FetchLog fetchLog;
    private final Clock clock;
    private final ExecutorService completions;
    private final Thread pollThread;
    private final FeedPoller feeds;
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();
    // poll-thread state (the rebalance listener runs in the poll thread too)
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final Set<TopicPartition> backpressured = new HashSet<>();
    /** Assigned partitions whose dedupe entries could not be read yet: paused until they are. */
    private final Map<TopicPartition, Long> unloaded = new HashMap<>();
    /**
     * Partitions whose dedupe entries are in memory, with the offset of the log read up to. Kept across a revoke
     * so that a partition assigned again (an eager rebalance revokes everything) only reads what came after.
     */
    private final Map<TopicPartition, Long> dedupeReadTo = new HashMap<>();
    private final AtomicInteger assignedPartitions = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean closing;

    private IngestService(IngestConfig config, HostResolver resolver, Clock clock, FetchLog fetchLog) {
        this.config = config;
        for (String c : List.of("consumed", "articles", "deadLetters", "duplicatesSkipped", "notModified", "reread",
                "feedLinks", "rerouted", "dedupeLoaded", "dedupeWriteFailed")) {
            counters.put(c, new AtomicLong());
        }
        this.clock = clock;
        this.fetchLog = fetchLog;
        this.recent = new RecentUrls(config.dedupeWindow(), clock::millis);
        this.producer = new KafkaProducer<>(producerConfig(config), new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(consumerConfig(config), new StringDeserializer(), new StringDeserializer());
        this.crawler = Crawler.create(config.fetch(), resolver);
        this.completions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, config.applicationId() + "-completions");
            t.setDaemon(true);
            return t;
        });
        this.pollThread = new Thread(this::pollLoop, config.applicationId() + "-poll");
        this.feeds = FeedPoller.start(config.feeds(), config.feedPollInterval(), crawler, new FeedSink());
    }

    /** New feed links go to news-urls like any other request; feed failures become dead letters. */
    private final class FeedSink implements FeedPoller.Sink {
        @Override
        public CompletableFuture<Void> links(String documentUrl, List<UrlRequest> links) {
            List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(links.size());
            for (UrlRequest link : links) {
                UrlRequest r = link;
                try {
                    r = UrlRequests.check(link, false); // keyed as the service will key it: no detour through reroute
                } catch (IllegalArgumentException e) {
                    // sent as found: the service dead-letters it with the reason
                }
                sends.add(send(new ProducerRecord<>(Topics.NEWS_URLS, UrlRequests.keyOf(r), Json.write(r))));
            }
            counters.get("feedLinks").addAndGet(links.size());
            return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        }

        @Override
        public void failed(String documentUrl, FetchException error) {
            DeadLetter dl = new DeadLetter(error.reason().name(), "feed: " + error.detail(), null, -1, -1,
                    documentUrl, null, Instant.now().toString());
            send(new ProducerRecord<>(Topics.NEWS_URLS_DLQ, documentUrl, Json.write(dl))).whenComplete((md, e) -> {
                if (e != null) {
                    log.error("cannot write dead letter {} for feed {}: {}", error.reason(), documentUrl, e.toString());
                } else {
                    counters.get("deadLetters").incrementAndGet();
                }
            });
            log.warn("feed {} failed: {}", documentUrl, error.getMessage());
        }
    }

    /**
     * Starts consuming {@code news-urls}. The pipeline's topics must exist (see the broker module's TopicSetup);
     * the service's own internal topic {@value FetchLog#TOPIC} is created here when missing (when dedupe is on),
     * with as many partitions as {@code news-urls}.
     *
     * @throws IllegalStateException when {@code news-urls} does not exist, the cluster cannot be reached, or the
     *                               Kafka clients cannot be created
     */
    public static IngestService start(IngestConfig config) {
        return start(config, HostResolver.SYSTEM);
    }

    /** Starts with a custom resolver (tests map made-up host names to 127.0.0.1). */
    public static IngestService start(IngestConfig config, HostResolver resolver) {
        return start(config, resolver, Clock.systemUTC());
    }

    /** Starts with a custom clock for the dedupe window (tests age entries without waiting). */
    static IngestService start(IngestConfig config, HostResolver resolver, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(clock, "clock");
        IngestService service;
        FetchLog fetchLog = null;
        try {
            if (!config.dedupeWindow().isZero()) {
                fetchLog = FetchLog.open(config.bootstrapServers(), config.applicationId() + "-dedupe-reader",
                        config.dedupeWindow());
            }
            service = new IngestService(config, resolver, clock, fetchLog);
        } catch (RuntimeException e) {
            if (fetchLog != null) {
                fetchLog.close();
            }
            if (e instanceof KafkaException) {
                throw new IllegalStateException("cannot create Kafka clients for " + config.bootstrapServers() + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
        service.consumer.subscribe(List.of(Topics.NEWS_URLS), service.rebalanceListener());
        service.pollThread.start();
        log.info("ingest service {} consuming {} from {}", config.applicationId(), Topics.NEWS_URLS, config.bootstrapServers());
        return service;
    }

    /** HTTP routes for the launcher's server: {@code /urls} (POST) and {@code /ingest/stats} (GET). */
    public Map<String, HttpHandler> routes() {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("/urls", new UrlsHandler(producer, false));
        routes.put("/ingest/stats", new StatsHandler(this::stats));
        return Map.copyOf(routes);
    }

    /** Counters: records consumed, articles and dead letters written, skips, plus the crawler's. */
    public Map<String, Long> stats() {
        Map<String, Long> s = new LinkedHashMap<>();
        counters.forEach((k, v) -> s.put(k, v.get()));
        s.put("inFlight", (long) tracker.inFlight());
        s.put("assignedPartitions", (long) assignedPartitions.get());
        s.put("dedupeEntries", (long) recent.size());
        s.putAll(crawler.stats());
        return s;
    }

    private void pollLoop() {
        try {
            while (running) {
                try {
                    pollOnce();
                } catch (WakeupException e) {
                    if (running) {
                        log.warn("ingest poll loop woken up unexpectedly; going on");
                    }
                } catch (KafkaException e) {
                    // Transient broker trouble (rebalance, coordinator moves): work in flight stays tracked.
                    log.warn("ingest poll loop: {}; retrying in 1 s", e.toString());
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        } catch (RuntimeException e) {
            log.error("ingest poll loop failed; the service stops consuming", e);
        } finally {
            drainAndClose();
        }
    }

    private void pollOnce() {
        retryUnloaded();
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> f : tracker.takeFailed().entrySet()) {
            if (!assigned.contains(f.getKey())) {
                continue; // no longer ours: the new owner reads from the committed offset
            }
            counters.get("reread").incrementAndGet();
            log.warn("output for {} could not be written: reading again from offset {}", f.getKey(), f.getValue());
            recent.dropPending(List.of(f.getKey().partition()));
            consumer.seek(f.getKey(), f.getValue());
            consumer.pause(List.of(f.getKey()));
            pausedUntil.put(f.getKey(), System.nanoTime() + FAILED_PARTITION_PAUSE.toNanos());
        }
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<String, String> rec : records) {
            TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
            counters.get("consumed").incrementAndGet();
            process(rec, tracker.add(tp, rec.offset()));
        }
        commit();
        managePauses();
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void managePauses() {
        long now = System.nanoTime();
        Set<TopicPartition> assigned = consumer.assignment();
        pausedUntil.keySet().retainAll(assigned);
        pausedUntil.entrySet().removeIf(e -> {
            if (now - e.getValue() >= 0) {
                if (!unloaded.containsKey(e.getKey())) {
                    consumer.resume(List.of(e.getKey()));
                }
                return true;
            }
            return false;
        });
        if (tracker.inFlight() >= config.maxInFlight()) {
            Set<TopicPartition> toPause = new HashSet<>(assigned);
            consumer.pause(toPause);
            backpressured.addAll(toPause);
        } else if (!backpressured.isEmpty()) {
            Set<TopicPartition> toResume = new HashSet<>(backpressured);
            toResume.retainAll(assigned);
            toResume.removeAll(pausedUntil.keySet());
            toResume.removeAll(unloaded.keySet());
            consumer.resume(toResume);
            backpressured.clear();
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
        offsets.keySet().retainAll(consumer.assignment());
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            tracker.committed(offsets);
        } catch (KafkaException e) {
            log.warn("commit of {} failed, will retry: {}", offsets, e.toString());
        }
    }

    private ConsumerRebalanceListener rebalanceListener() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commit(); // what is finished stays finished; the rest is read again by the new owner
                // finished fetches stay in memory until the assignment shows whether the partitions come back
                forget(partitions, false);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                log.debug("assigned {}", partitions);
                Set<TopicPartition> gone = new HashSet<>(dedupeReadTo.keySet());
                gone.removeAll(consumer.assignment());
                dropDedupe(gone);
                loadDedupe(partitions);
                assignedPartitions.set(consumer.assignment().size());
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions, true);
            }
        };
    }

    /**
     * Partitions revoked or lost: their work in flight no longer counts, and claims of unfinished fetches go (their
     * records are read again). Lost partitions' dedupe entries go at once: others may have owned them since.
     */
    private void forget(Collection<TopicPartition> partitions, boolean lost) {
        tracker.revoke(partitions);
        recent.dropPending(partitions.stream().map(TopicPartition::partition).toList());
        if (lost) {
            dropDedupe(partitions);
        }
        unloaded.keySet().removeAll(partitions);
        pausedUntil.keySet().removeAll(partitions);
        backpressured.removeAll(partitions);
        Set<TopicPartition> left = new HashSet<>(consumer.assignment());
        left.removeAll(partitions);
        assignedPartitions.set(left.size());
    }

    /**
     * Reads the dedupe entries of newly assigned partitions before any of their records is processed. A partition
     * whose entries cannot be read now stays paused and is tried again (processing it without them would fetch
     * what was fetched already).
     */
    private void loadDedupe(Collection<TopicPartition> partitions) {
        if (fetchLog == null) {
            return;
        }
        List<TopicPartition> failed = new ArrayList<>();
        // oldest first across partitions, so the memory stays in time order and its bound drops the oldest
        List<Map.Entry<TopicPartition, FetchLog.Timed>> all = new ArrayList<>();
        long notBefore = clock.millis() - config.dedupeWindow().toMillis();
        for (TopicPartition tp : partitions) {
            if (!failed.isEmpty()) {
                failed.add(tp); // the log is not readable now: do not wait for each partition in turn
                continue;
            }
            try {
                FetchLog.Read read = fetchLog.read(tp.partition(), dedupeReadTo.getOrDefault(tp, -1L), notBefore,
                        () -> running);
                for (FetchLog.Timed e : read.timed()) {
                    all.add(Map.entry(tp, e));
                }
                dedupeReadTo.put(tp, read.endOffset());
            } catch (KafkaException | IllegalStateException e) {
                log.warn("cannot read the dedupe entries of {} from {}: {}; its records wait", tp, FetchLog.TOPIC,
                        e.toString());
                failed.add(tp);
            }
        }
        all.sort(java.util.Comparator.comparingLong(e -> e.getValue().atMillis()));
        int loaded = 0;
        for (Map.Entry<TopicPartition, FetchLog.Timed> e : all) {
            if (recent.load(e.getValue().entry(), e.getKey().partition(), e.getValue().atMillis())) {
                loaded++;
            }
        }
        counters.get("dedupeLoaded").addAndGet(loaded);
        if (!all.isEmpty()) {
            log.info("{} dedupe entries within {} read for {}", loaded, config.dedupeWindow(), partitions);
        }
        if (!failed.isEmpty()) {
            consumer.pause(failed);
            long retryAt = System.nanoTime() + FAILED_PARTITION_PAUSE.toNanos();
            failed.forEach(tp -> unloaded.put(tp, retryAt));
        }
    }

    /** Forgets the dedupe entries of partitions no longer owned. */
    private void dropDedupe(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            recent.dropPartitions(partitions.stream().map(TopicPartition::partition).toList());
            dedupeReadTo.keySet().removeAll(partitions);
        }
    }

    /** Tries again the partitions whose dedupe entries could not be read, and resumes those that now are. */
    private void retryUnloaded() {
        if (unloaded.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = new ArrayList<>();
        unloaded.forEach((tp, at) -> {
            if (now - at >= 0) {
                due.add(tp);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        due.forEach(unloaded::remove);
        loadDedupe(due);
        List<TopicPartition> ready = new ArrayList<>(due);
        ready.removeAll(unloaded.keySet());
        ready.removeAll(pausedUntil.keySet());
        ready.removeAll(backpressured);
        ready.retainAll(consumer.assignment());
        consumer.resume(ready);
    }

    /** Starts the work for one record; every path ends in tracker.done or tracker.failed. */
    private void process(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket) {
        UrlRequest request;
        try {
            request = UrlRequests.check(UrlRequests.parseValue(rec.value()), true);
        } catch (IllegalArgumentException e) {
            deadLetter(rec, ticket, null, FailureReason.INVALID_URL.name(), e.getMessage());
            return;
        }
        String url = request.url();
        String home = UrlRequests.keyOf(request);
        if (fetchLog != null && !home.equals(rec.key())) {
            reroute(rec, ticket, request, home);
            return;
        }
        FetchLog.Entry last = null;
        if (request.force()) {
            last = recent.claimForced(url, rec.partition());
        } else if (!recent.claim(url, rec.partition())) {
            counters.get("duplicatesSkipped").incrementAndGet();
            log.debug("skipping {}: fetched within the last {}", url, config.dedupeWindow());
            tracker.done(ticket);
            return;
        }
        FetchLog.Entry previous = last;
        crawler.crawl(url, previous == null ? Map.of() : previous.validators()).whenCompleteAsync((result, error) -> {
            try {
                if (error != null) {
                    onCrawlFailed(rec, ticket, url, error);
                } else if (result.notModified()) {
                    // nothing new: the article of the previous fetch is on the topic already
                    counters.get("notModified").incrementAndGet();
                    log.info("{} not modified since the fetch of {}", url, previous == null ? "?" : previous.fetchedAt());
                    recordFetch(rec, ticket, previous == null
                            ? FetchLog.Entry.of(url, clock.instant(), null, result.finalUrl(), Map.of())
                            : previous.refreshed(clock.instant(), result.finalUrl()));
                } else {
                    produceArticle(rec, ticket, url, result);
                }
            } catch (RuntimeException e) {
                log.error("cannot finish {}", url, e);
                tracker.failed(ticket);
            }
        }, completions);
    }

    private void onCrawlFailed(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket, String url, Throwable error) {
        recent.forget(url);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof FetchException fe) {
            if (fe.reason() == FailureReason.INTERRUPTED && closing) {
                return; // not finished: the record is read again after restart
            }
            deadLetter(rec, ticket, url, fe.reason().name(), fe.detail());
        } else {
            deadLetter(rec, ticket, url, FailureReason.INTERNAL_ERROR.name(), String.valueOf(cause));
        }
    }

    private void produceArticle(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket, String url, CrawlResult result) {
        Article article = result.article();
        String key = article.canonicalUrl();
        send(new ProducerRecord<>(Topics.ARTICLES, key, Json.write(article))).whenCompleteAsync((md, e) -> {
            if (e == null) {
                counters.get("articles").incrementAndGet();
                recordFetch(rec, ticket, FetchLog.Entry.of(url, clock.instant(), key, result.finalUrl(), result.validators()));
            } else {
                recent.forget(url); // no article came of it: a later request must not be skipped
                log.warn("cannot write the article of {} to {}: {}", url, Topics.ARTICLES, e.toString());
                deadLetter(rec, ticket, url, FailureReason.PRODUCE_FAILED.name(),
                        "cannot write the article to " + Topics.ARTICLES + ": " + e);
            }
        }, completions);
    }

    /**
     * A record not keyed by {@link UrlRequests#keyOf} (a foreign producer: no key, or another one) may sit on any
     * partition, where the dedupe entries of its URL are not. It is written again with its proper key, so that
     * every request for a URL is processed in one partition; the record is done once that copy is acknowledged.
     */
    private void reroute(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket, UrlRequest request,
                         String key) {
        send(new ProducerRecord<>(Topics.NEWS_URLS, key, Json.write(request))).whenComplete((md, e) -> {
            if (e == null) {
                counters.get("rerouted").incrementAndGet();
                log.debug("{} (key {}) moved from partition {} to {}", request.url(), rec.key(), rec.partition(),
                        md.partition());
                tracker.done(ticket);
            } else {
                log.warn("cannot write {} again under key {} to {}: {}", request.url(), key, Topics.NEWS_URLS,
                        e.toString());
                tracker.failed(ticket);
            }
        });
    }

    /**
     * Remembers a finished fetch, in memory now and in the durable log; the record is done once the log has it
     * (or could not take it: the article is out, so reading the record again would only duplicate it).
     */
    private void recordFetch(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket, FetchLog.Entry fetch) {
        recent.remember(fetch, rec.partition());
        if (fetchLog == null) {
            tracker.done(ticket);
            return;
        }
        send(FetchLog.record(rec.partition(), fetch)).whenComplete((md, e) -> {
            if (e != null) {
                counters.get("dedupeWriteFailed").incrementAndGet();
                log.warn("cannot write the dedupe entry of {} to {}-{}: {}; a restart may fetch it again",
                        fetch.url(), FetchLog.TOPIC, rec.partition(), e.toString());
            }
            tracker.done(ticket);
        });
    }

    private void deadLetter(ConsumerRecord<String, String> rec, OffsetTracker.Ticket ticket, String url, String reason,
                            String detail) {
        DeadLetter dl = new DeadLetter(reason, detail, rec.topic(), rec.partition(), rec.offset(),
                url, rec.value(), Instant.now().toString());
        send(new ProducerRecord<>(Topics.NEWS_URLS_DLQ, url, Json.write(dl))).whenCompleteAsync((md, e) -> {
            if (e == null) {
                counters.get("deadLetters").incrementAndGet();
                log.info("dead letter {} for {}: {}", reason, url == null ? rec.value() : url, detail);
                tracker.done(ticket);
            } else {
                log.error("cannot write dead letter {} for {} to {}: {}", reason, url, Topics.NEWS_URLS_DLQ, e.toString());
                tracker.failed(ticket);
            }
        }, completions);
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
        CompletableFuture<RecordMetadata> f = new CompletableFuture<>();
        try {
            producer.send(record, (md, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    f.complete(md);
                }
            });
        } catch (KafkaException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    private void drainAndClose() {
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        try {
            while (tracker.inFlight() > 0 && System.nanoTime() - deadline < 0) {
                commit();
                Thread.sleep(50);
            }
            producer.flush();
            commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("error while stopping the ingest service: {}", e.toString());
        } finally {
            if (tracker.inFlight() > 0) {
                log.info("stopping with {} URLs unfinished; they are read again on restart", tracker.inFlight());
            }
            closing = true;
            if (fetchLog != null) {
                fetchLog.close();
            }
            feeds.close();
            crawler.close();
            completions.shutdownNow();
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Stops consuming, waits up to the shutdown timeout for URLs in progress, commits, closes the clients. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        if (fetchLog != null) {
            try {
                fetchLog.wakeup(); // a read of dedupe entries in progress stops
            } catch (RuntimeException e) {
                log.debug("dedupe reader already closed: {}", e.toString());
            }
        }
        try {
            pollThread.join(config.shutdownTimeout().toMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pollThread.isAlive()) {
            log.warn("ingest poll thread did not stop in time");
        }
    }

    static Map<String, Object> producerConfig(IngestConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-producer");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return p;
    }

    private static Map<String, Object> consumerConfig(IngestConfig config) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-consumer");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return c;
    }

}
