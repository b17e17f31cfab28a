package io.newsmetrics.ingest;

import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes URL requests to {@code news-urls} for the ingest service, as JSON {@code {"url", "force"}} keyed by host.
 * Sends are batched; {@link #flush()} waits until every request published so far is acknowledged and reports
 * any that failed. For {@code newsmetrics ingest URL|FILE|-}: turn each argument into a request with
 * {@link UrlRequests#fromArgument(String, boolean)} (paths become {@code file:} URIs), or each stdin line with
 * {@link UrlRequests#parseValue(String)}, then publish, then flush (or close).
 */
public final class UrlPublisher implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();

    private UrlPublisher(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    /** A publisher to the cluster at {@code bootstrapServers}. */
    public static UrlPublisher create(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be given");
        }
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsmetrics-url-publisher");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        try {
            return new UrlPublisher(new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot create a producer for " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queues one request. The URL is checked and normalized first (http, https and file URLs).
     *
     * @throws IllegalArgumentException when the URL is not acceptable (nothing is sent)
     */
    public void publish(UrlRequest request) {
        Objects.requireNonNull(request, "request");
        UrlRequest checked = UrlRequests.check(request, true);
        published.incrementAndGet();
        producer.send(new ProducerRecord<>(Topics.NEWS_URLS, UrlRequests.keyOf(checked), Json.write(checked)), (md, e) -> {
            if (e != null) {
                firstFailure.compareAndSet(null, e);
            } else {
                acknowledged.incrementAndGet();
            }
        });
    }

    /**
     * Waits until everything published so far is acknowledged.
     *
     * @return how many requests have been acknowledged in total
     * @throws IllegalStateException when any request could not be written
     */
    public long flush() {
        producer.flush();
        Exception e = firstFailure.get();
        if (e != null) {
            throw new IllegalStateException((published.get() - acknowledged.get()) + " of " + published.get()
                    + " URLs could not be written to " + Topics.NEWS_URLS + ": " + e.getMessage(), e);
        }
        return acknowledged.get();
    }

    /** Flushes, then closes the producer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
