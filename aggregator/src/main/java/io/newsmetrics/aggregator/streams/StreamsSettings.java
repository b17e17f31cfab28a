package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.AggregatorConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Objects;
import java.util.Properties;

/** The Kafka Streams configuration of an aggregator instance, each setting with its reason. */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    public static Properties of(AggregatorConfig c) {
        Objects.requireNonNull(c, "config");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId()); // instances with this id share partitions
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir().toAbsolutePath().toString()); // RocksDB survives restarts
        // Store, changelog and output move together: a replayed event never counts twice.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Other instances learn here where to forward key look-ups for partitions we own.
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, c.advertisedHostPort());
        // Warm copies: a key can still be answered (within the lag bound) while its owner is gone.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, c.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.streamThreads());
        // Each exactly-once commit is a transaction round trip: 1 s instead of the EOS default 100 ms measured
        // 7.6k instead of 2.8k events/s here. Queries read the stores directly and see updates at once;
        // only read_committed consumers of indicators-latest see them up to this much later.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, c.commitInterval().toMillis());
        // Unreadable input and refused events go to metrics-dlq with headers instead of stopping the app.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // The 5.0 default now: the handler also covers global processors (we have none, but it silences the warning).
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // One shared, bounded RocksDB block cache and write-buffer budget for all stores of this instance.
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        p.put(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, c.rocksDbMemoryBytes());
        // A new instance takes over active tasks only once its copy is this close to the changelog end.
        p.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, Math.max(1L, c.maxStandbyLag()));
        // Start from the beginning of metrics on first run: every fact already published counts.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // No compression: every changelog batch allocated a 64 KB lz4 buffer (a sixth of this app's allocation)
        // and the broker decompressed it again to validate; CPU, not bandwidth, is what a small machine lacks.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        // Bigger batches, fewer produce requests: the history changelog gets a record per event.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        // Changelogs and the repartition-free output use the broker's replication (1 on a dev broker).
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // No store uses Streams' record cache (it holds bytes, so each put serialised the value): the write-back
        // stores keep a commit interval's values as objects instead, see AggregatorTopology.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        return p;
    }
}
