package io.newsmetrics.extractor.streams;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/** Runs the extractor topology: {@code articles} to {@code metrics}, exactly once. */
public final class ExtractorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExtractorService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private ExtractorService(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the service; it keeps running until {@link #close()}. */
    public static ExtractorService start(ExtractorConfig config, MetricExtractor extractor) {
        KafkaStreams streams = new KafkaStreams(ExtractorTopology.build(extractor), properties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("extractor stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new ExtractorService(streams);
    }

    /** The Kafka Streams settings of the service, each with why. */
    static Properties properties(ExtractorConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        // Each article's metrics are written once and together, or not at all.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Short transactions keep the time from article to queryable metric low (freshness).
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Unreadable or unprocessable articles go to the dead-letter topic and the stream goes on.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_DLQ);
        // A new application id starts from the beginning of the log: the log is the source of truth.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Articles can be large pages; allow up to the broker's record limit.
        p.put(StreamsConfig.producerPrefix("max.request.size"), 2 * 1024 * 1024);
        // An article's dozen events fill the default 16 KB batch: bigger batches, fewer produce requests.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.putAll(config.overrides());
        return p;
    }

    /** True while the streams application is running or rebalancing. */
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    /** The Kafka Streams state, for readiness checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops processing within a bounded time; committed work is kept. */
    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
