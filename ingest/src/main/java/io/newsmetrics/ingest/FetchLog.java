package io.newsmetrics.ingest;

import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The durable side of the ingest service's dedupe: the compacted topic {@value #TOPIC}, one record per URL
 * fetched (key = the requested URL, normalized), value a JSON {@link Entry}: when, canonical and final URL, ETag
 * and Last-Modified.
 * <p>
 * Partition-aligned: the entry of a URL consumed from {@code news-urls} partition p is written to partition p of
 * {@value #TOPIC}, and the topic has (at least) as many partitions as {@code news-urls}. The instance that owns
 * {@code news-urls} partition p therefore finds every fetch of that partition's URLs in one partition it can
 * read to the end when p is assigned, whichever instance made the fetch and whenever. This needs every request
 * for a URL to be processed in one partition: the project's producers key records with
 * {@link UrlRequests#keyOf} (the host), and the service writes a record keyed otherwise (a foreign producer: no
 * key, or another one) to {@code news-urls} again under that key before processing it.
 * <p>
 * Compacted and time-limited ({@code cleanup.policy=compact,delete}): only the latest fetch of a URL is kept,
 * and nothing much older than the dedupe window, so the topic (and the read on assignment) stays bounded.
 */
public final class FetchLog implements AutoCloseable {
    /** Internal topic of the ingest service; kept here because the model's {@code Topics} is frozen. */
    public static final String TOPIC = "ingest-fetched";
    /** Records are kept at least the dedupe window plus this, so a window raised later still finds them. */
    static final Duration RETENTION_MARGIN = Duration.ofDays(1);
    /** A read of a partition that makes no progress for this long fails (and is retried later). */
    static final Duration LOAD_STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(FetchLog.class);

    /**
     * One fetch of a URL, the value on {@value #TOPIC}.
     *
     * @param url          the URL requested (normalized); also the record key
     * @param fetchedAt    when it was fetched, ISO 8601 instant
     * @param canonicalUrl the article's canonical URL, or null (unknown, e.g. a 304 with no earlier entry)
     * @param finalUrl     where the content came from after redirects, or null
     * @param etag         the ETag answered, for {@code If-None-Match}, or null
     * @param lastModified the Last-Modified answered, for {@code If-Modified-Since}, or null
     */
    public record Entry(String url, String fetchedAt, String canonicalUrl, String finalUrl, String etag,
                        String lastModified) {

        public Entry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            // usually all the same URL: one string in memory, not three (the dedupe memory holds many entries)
            canonicalUrl = url.equals(canonicalUrl) ? url : canonicalUrl;
            finalUrl = url.equals(finalUrl) ? url : canonicalUrl != null && canonicalUrl.equals(finalUrl) ? canonicalUrl : finalUrl;
        }

        /** An entry for a fetch at {@code at}, with the validators as the crawler gives them (request headers). */
        public static Entry of(String url, Instant at, String canonicalUrl, String finalUrl,
                               Map<String, String> validators) {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(validators, "validators");
            return new Entry(url, at.toString(), canonicalUrl, finalUrl, validators.get("If-None-Match"),
                    validators.get("If-Modified-Since"));
        }

        /** The same fetch seen again at {@code at} (a 304): what was known is kept. */
        Entry refreshed(Instant at, String newFinalUrl) {
            return new Entry(url, at.toString(), canonicalUrl, newFinalUrl == null ? finalUrl : newFinalUrl, etag,
                    lastModified);
        }

        /** Request headers for a conditional GET of {@link #url()}; empty when there are no validators. */
        public Map<String, String> validators() {
            Map<String, String> v = new LinkedHashMap<>();
            if (etag != null) {
                v.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                v.put("If-Modified-Since", lastModified);
            }
            return v;
        }

        /**
         * {@link #fetchedAt()} in epoch milliseconds.
         *
         * @throws IllegalArgumentException when it is not an ISO 8601 instant
         */
        public long fetchedAtMillis() {
            try {
                return Instant.parse(fetchedAt).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException("fetchedAt is not an ISO 8601 instant: " + fetchedAt, e);
            }
        }
    }

    private final String bootstrapServers;
    private final Duration window;
    private final KafkaConsumer<String, String> reader;

    private FetchLog(String bootstrapServers, Duration window, KafkaConsumer<String, String> reader) {
        this.bootstrapServers = bootstrapServers;
        this.window = window;
        this.reader = reader;
    }

    /**
     * Makes sure {@value #TOPIC} exists with as many partitions as {@code news-urls}, then opens a reader on it
     * (a consumer without group: it reads partitions it is told to, from the start).
     *
     * @param window the dedupe window (sets the topic's retention when it is created)
     * @throws IllegalStateException when {@code news-urls} does not exist or the cluster cannot be reached
     */
    static FetchLog open(String bootstrapServers, String clientId, Duration window) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(window, "window");
        ensureTopic(bootstrapServers, window);
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        // one partition is read at a time, as fast as possible: bigger fetches than the 1 MiB default
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new FetchLog(bootstrapServers, window, new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer()));
    }

    /** The record that stores {@code entry} in the partition aligned with {@code news-urls} partition {@code partition}. */
    static ProducerRecord<String, String> record(int partition, Entry entry) {
        return new ProducerRecord<>(TOPIC, partition, entry.url(), Json.write(entry));
    }

    /** An entry with its time parsed once (a partition can hold many entries; they are sorted by time). */
    record Timed(Entry entry, long atMillis) {
    }

    /**
     * What a read found.
     *
     * @param timed     the latest entry of each URL read, oldest first
     * @param endOffset the offset the read stopped at: a later read from there sees only what came after
     */
    record Read(List<Timed> timed, long endOffset) {
        /** The entries, oldest first. */
        List<Entry> entries() {
            return timed.stream().map(Timed::entry).toList();
        }
    }

    /** Reads one partition from its start; see {@link #read(int, long, long, BooleanSupplier)}. */
    Read read(int partition, long notBeforeMillis, BooleanSupplier keepGoing) {
        return read(partition, -1, notBeforeMillis, keepGoing);
    }

    /**
     * Reads one partition from {@code fromOffset} (or its start) to its current end and returns the latest entry
     * of each URL fetched at or after {@code notBeforeMillis}, oldest first. Unreadable records are skipped with a
     * warning (they can only cost a fetch). Runs in the caller's thread; not thread-safe (one caller: the
     * service's poll thread).
     *
     * @param fromOffset where to start, or -1 for the start of the partition (also used when records before
     *                   {@code fromOffset} are gone)
     * @param keepGoing  checked between reads; when it turns false the read stops with a {@link TimeoutException}
     * @throws TimeoutException when the read makes no progress for {@link #LOAD_STALL_TIMEOUT}
     */
    Read read(int partition, long fromOffset, long notBeforeMillis, BooleanSupplier keepGoing) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
        Objects.requireNonNull(keepGoing, "keepGoing");
        List<PartitionInfo> infos = reader.partitionsFor(TOPIC, ADMIN_TIMEOUT);
        if (infos == null || infos.size() <= partition) {
            ensureTopic(bootstrapServers, window); // news-urls grew since start: grow along
        }
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        Map<String, Timed> latest = new LinkedHashMap<>();
        int skipped = 0;
        long end;
        reader.assign(List.of(tp));
        try {
            long start = reader.beginningOffsets(List.of(tp), ADMIN_TIMEOUT).get(tp);
            end = reader.endOffsets(List.of(tp), ADMIN_TIMEOUT).get(tp);
            // beyond the end only when the topic was made anew: then everything is new
            long position = fromOffset > end ? start : Math.max(start, fromOffset);
            reader.seek(tp, position);
            long stallDeadline = System.nanoTime() + LOAD_STALL_TIMEOUT.toNanos();
            while (position < end) {
                if (!keepGoing.getAsBoolean()) {
                    throw new TimeoutException("stopped while reading " + tp);
                }
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200)).records(tp)) {
                    if (r.key() == null) {
                        skipped++;
                    } else if (r.value() == null) {
                        latest.remove(r.key()); // a tombstone
                    } else {
                        Timed e = parse(r);
                        if (e == null) {
                            skipped++;
                        } else {
                            latest.remove(r.key()); // keep offset (= time) order for the newest record of a key
                            if (e.atMillis() >= notBeforeMillis) {
                                latest.put(r.key(), e);
                            }
                        }
                    }
                }
                long now = reader.position(tp, ADMIN_TIMEOUT);
                if (now > position) {
                    position = now;
                    stallDeadline = System.nanoTime() + LOAD_STALL_TIMEOUT.toNanos();
                } else if (System.nanoTime() - stallDeadline > 0) {
                    throw new TimeoutException("no progress reading " + tp + " for " + LOAD_STALL_TIMEOUT
                            + " at offset " + position + " of " + end);
                }
            }
        } finally {
            reader.unsubscribe();
        }
        if (skipped > 0) {
            log.warn("{} unreadable records skipped in {}-{}", skipped, TOPIC, partition);
        }
        List<Timed> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparingLong(Timed::atMillis)); // stable: offset order among equal times
        return new Read(out, end);
    }

    /** A readable entry whose URL is the record key, or null. */
    private static Timed parse(ConsumerRecord<String, String> r) {
        try {
            Entry e = Json.read(r.value(), Entry.class);
            if (e == null || !r.key().equals(e.url())) {
                return null;
            }
            return new Timed(e, e.fetchedAtMillis());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            log.debug("unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return null;
        }
    }

    /** Interrupts a read in progress from another thread (on close). */
    void wakeup() {
        reader.wakeup();
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }

    /**
     * Creates {@value #TOPIC} when missing, with the partition count of {@code news-urls}, or adds partitions when
     * {@code news-urls} has more. Several instances doing this at once is fine.
     *
     * @throws IllegalStateException when {@code news-urls} does not exist or the cluster cannot be reached
     */
    static void ensureTopic(String bootstrapServers, Duration window) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int wanted = partitions(admin, Topics.NEWS_URLS);
            if (wanted < 0) {
                throw new IllegalStateException("topic " + Topics.NEWS_URLS + " does not exist on " + bootstrapServers
                        + ": create the pipeline's topics first (TopicSetup.ensureTopics)");
            }
            int have = partitions(admin, TOPIC);
            if (have < 0) {
                create(admin, wanted, window);
            } else {
                if (have < wanted) {
                    grow(admin, wanted);
                }
                warnOnShortRetention(admin, window);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up topic " + TOPIC + " on " + bootstrapServers + ": "
                    + e.getCause(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot set up topic " + TOPIC + " on " + bootstrapServers
                    + ": no answer within " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topic " + TOPIC, e);
        }
    }

    /** Retention of a new topic: the window plus a margin. */
    static Duration retentionFor(Duration window) {
        return window.plus(RETENTION_MARGIN);
    }

    private static int partitions(Admin admin, String topic)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }

    private static void create(Admin admin, int partitions, Duration window)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Duration retention = retentionFor(window);
        // segments small enough that compaction and deletion can work within the retention
        Duration segment = Duration.ofMillis(Math.max(Duration.ofHours(1).toMillis(),
                Math.min(Duration.ofDays(1).toMillis(), retention.toMillis() / 8)));
        NewTopic topic = new NewTopic(TOPIC, Optional.of(partitions), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segment.toMillis())));
        try {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created topic {} with {} partitions, retention {}", TOPIC, partitions, retention);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance creating it at the same time is fine
            }
        }
    }

    private static void grow(Admin admin, int partitions)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try {
            admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(partitions)))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("topic {} grown to {} partitions, as many as {}", TOPIC, partitions, Topics.NEWS_URLS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof InvalidPartitionsException)) {
                throw e; // another instance grew it first
            }
        }
    }

    private static void warnOnShortRetention(Admin admin, Duration window)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        Config c = admin.describeConfigs(List.of(r)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(r);
        ConfigEntry retention = c == null ? null : c.get(TopicConfig.RETENTION_MS_CONFIG);
        if (retention != null && retention.value() != null) {
            try {
                long ms = Long.parseLong(retention.value());
                if (ms >= 0 && ms < window.toMillis()) {
                    log.warn("topic {} keeps records {} ms, less than the dedupe window {}: older fetches are "
                            + "forgotten at a restart; raise its retention.ms", TOPIC, ms, window);
                }
            } catch (NumberFormatException e) {
                // leave it: the broker validates its own configuration
            }
        }
    }
}
