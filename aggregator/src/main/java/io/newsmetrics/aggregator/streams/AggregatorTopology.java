package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.PeriodSummary;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The aggregator's topology, the one place it is built (the service and the tests use it):
 * {@code metrics} (key = indicator key, value = MetricEvent JSON) into {@link IndicatorProcessor},
 * which keeps the {@link StoreNames#LATEST}, {@link StoreNames#HISTORY} and {@link StoreNames#SUMMARY}
 * stores, and each changed {@link Indicator} (JSON) out to the compacted {@code indicators-latest} topic once
 * per emit interval (like a cached KTable: its latest state, not every intermediate one).
 *
 * <p>Why a processor and not {@code table()}/{@code reduce()}: reduce is last-arrival-wins, and a
 * versioned store orders by one timestamp only; "latest" here is period, then publication, then
 * arrival, and the same record also feeds history, de-duplication and corroboration.
 */
public final class AggregatorTopology {
    /** Processor node name; dead letters of processing errors name it in their headers. */
    public static final String PROCESSOR = "aggregate-indicators";
    /** Emit interval of {@link #build()}: the default commit interval of the aggregator. */
    public static final Duration DEFAULT_EMIT_INTERVAL = Duration.ofSeconds(1);
    /** Keys per store and task whose values may wait, unserialised, for the next commit before all are written. */
    static final int MAX_WAITING_VALUES = 4_096;
    /** Topic configs of the history store's changelog: every record kept, none compacted. */
    static final Map<String, String> HISTORY_CHANGELOG = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private AggregatorTopology() {
    }

    /** Builds the topology with the default emit interval of {@link #DEFAULT_EMIT_INTERVAL}. */
    public static Topology build() {
        return build(DEFAULT_EMIT_INTERVAL);
    }

    /**
     * Builds the topology.
     *
     * @param emitInterval how often changed indicators go out to {@code indicators-latest} (wall-clock); the
     *                     aggregator passes its commit interval, since read_committed readers see no sooner
     */
    public static Topology build(Duration emitInterval) {
        Objects.requireNonNull(emitInterval, "emitInterval");
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
        }
        StreamsBuilder builder = new StreamsBuilder();
        // Write-back: a key updated many times between commits is serialised, written to RocksDB and to its
        // changelog once per commit, and the values in between stay objects.
        builder.addStateStore(writeBack(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.LATEST),
                Serdes.String(), JsonSerde.of(Indicator.class))));
        // History is write-once (an observation's key names its event; nothing overwrites or deletes it), so log
        // compaction could never remove a record from its changelog: the broker's cleaner only copied the whole
        // log over and over. A log that keeps everything holds the same records without that work.
        // Binary values: fewer bytes (store and changelog) and less CPU per event than JSON; old JSON still reads.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HISTORY),
                Serdes.String(), new ObservationSerde()).withLoggingEnabled(HISTORY_CHANGELOG));
        // the summary of a busy period is rewritten per event
        builder.addStateStore(writeBack(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SUMMARY),
                Serdes.String(), JsonSerde.of(PeriodSummary.class))));
        // Which keys changed since the last emission: a hot key's thousand updates a second leave as one record.
        builder.addStateStore(writeBack(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PENDING),
                Serdes.String(), Serdes.Long())));
        builder.stream(Topics.METRICS, Consumed.with(Serdes.String(), JsonSerde.of(MetricEvent.class))
                        .withName("metrics-source"))
                .process(() -> new IndicatorProcessor(emitInterval), Named.as(PROCESSOR), StoreNames.LATEST,
                        StoreNames.HISTORY, StoreNames.SUMMARY, StoreNames.PENDING)
                .to(Topics.INDICATORS_LATEST, Produced.with(Serdes.String(), JsonSerde.of(Indicator.class))
                        .withName("indicators-latest-sink"));
        return builder.build();
    }

    private static <V> WriteBackStoreBuilder<V> writeBack(StoreBuilder<KeyValueStore<String, V>> store) {
        return new WriteBackStoreBuilder<>(store.withCachingDisabled(), MAX_WAITING_VALUES);
    }
}
