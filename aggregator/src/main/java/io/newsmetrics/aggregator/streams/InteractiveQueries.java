package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.ThreadMetadata;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads this instance's copies of the aggregator's stores, partition by partition, and tells where a key
 * lives. A running active copy always answers; a standby or restoring copy answers only when it is at most
 * {@code maxStandbyLag} records behind, else {@link NotAvailableException}.
 */
public final class InteractiveQueries {
    /** Suggested client back-off while a partition is moving or restoring. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final long maxStandbyLag;

    public InteractiveQueries(KafkaStreams streams, HostInfo self, long maxStandbyLag) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
        this.maxStandbyLag = maxStandbyLag;
    }

    /** This instance as other instances see it. */
    public HostInfo self() {
        return self;
    }

    /**
     * Both stores of one partition, as {@link #read} hands them to a query; each is looked up when first used
     * (a single-key read needs only the latest store, and each look-up walks the stream threads' tasks).
     */
    public static final class PartitionStores {
        private final KafkaStreams streams;
        private final int partition;
        private final boolean stale;
        private ReadOnlyKeyValueStore<String, Indicator> latest;
        private ReadOnlyKeyValueStore<String, Observation> history;

        private PartitionStores(KafkaStreams streams, int partition, boolean stale) {
            this.streams = streams;
            this.partition = partition;
            this.stale = stale;
        }

        /** The latest-indicator store of the partition. */
        public ReadOnlyKeyValueStore<String, Indicator> latest() {
            if (latest == null) {
                latest = streams.store(params(StoreNames.LATEST, QueryableStoreTypes.<String, Indicator>keyValueStore()));
            }
            return latest;
        }

        /** The history store of the partition. */
        public ReadOnlyKeyValueStore<String, Observation> history() {
            if (history == null) {
                history = streams.store(params(StoreNames.HISTORY,
                        QueryableStoreTypes.<String, Observation>keyValueStore()));
            }
            return history;
        }

        private <T> StoreQueryParameters<T> params(String store, QueryableStoreType<T> type) {
            StoreQueryParameters<T> p = StoreQueryParameters.fromNameAndType(store, type).withPartition(partition);
            return stale ? p.enableStaleStores() : p;
        }
    }

    /** Where {@code key} lives; {@link NotAvailableException} when the group has no assignment yet. */
    public KeyLocation locate(String key) {
        KeyQueryMetadata meta;
        try {
            meta = streams.queryMetadataForKey(StoreNames.LATEST, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new NotAvailableException("the aggregator is not running: " + streams.state(), RETRY_AFTER_SECONDS);
        }
        if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE) || meta.partition() < 0) {
            throw new NotAvailableException("no instance holds key '" + key + "' yet (state " + streams.state() + ")",
                    RETRY_AFTER_SECONDS);
        }
        HostInfo active = meta.activeHost() == null || meta.activeHost().port() < 0 ? null : meta.activeHost();
        return new KeyLocation(meta.partition(), active, meta.standbyHosts());
    }

    /**
     * Runs {@code query} on this instance's copy of {@code partition}: the running active copy, or with
     * {@code allowStale} a standby/restoring copy within the lag bound.
     *
     * @throws NotAvailableException when no acceptable local copy exists
     */
    public <T> LocalRead<T> read(int partition, boolean allowStale, Function<PartitionStores, T> query) {
        try {
            return new LocalRead<>(query.apply(stores(partition, false)), partition, false, 0);
        } catch (InvalidStateStoreException active) {
            if (!allowStale) {
                throw new NotAvailableException("partition " + partition + " is not active and running on "
                        + self.host() + ":" + self.port() + " (" + active.getMessage() + ")", RETRY_AFTER_SECONDS);
            }
        }
        long lag = lag(partition);
        if (lag > maxStandbyLag) {
            throw new NotAvailableException("the local copy of partition " + partition + " is " + (lag == Long.MAX_VALUE
                    ? "absent" : lag + " records behind (bound " + maxStandbyLag + ")"), RETRY_AFTER_SECONDS);
        }
        try {
            return new LocalRead<>(query.apply(stores(partition, true)), partition, true, lag);
        } catch (InvalidStateStoreException e) {
            throw new NotAvailableException("partition " + partition + " is not queryable on " + self.host() + ":"
                    + self.port() + ": " + e.getMessage(), RETRY_AFTER_SECONDS);
        }
    }

    private PartitionStores stores(int partition, boolean stale) {
        return new PartitionStores(streams, partition, stale);
    }

    /** Records the local copy of a partition's latest store is behind; {@link Long#MAX_VALUE} when there is none. */
    public long lag(int partition) {
        try {
            Map<String, Map<Integer, LagInfo>> lags = streams.allLocalStorePartitionLags();
            LagInfo info = lags.getOrDefault(StoreNames.LATEST, Map.of()).get(partition);
            return info == null ? Long.MAX_VALUE : Math.max(0, info.offsetLag());
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Partitions whose active task this instance runs (running or restoring). */
    public Set<Integer> localActivePartitions() {
        Set<Integer> out = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(t -> out.add(t.taskId().partition()));
        }
        return out;
    }

    /** Partitions this instance holds a standby copy of. */
    public Set<Integer> localStandbyPartitions() {
        Set<Integer> out = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.standbyTasks().forEach(t -> out.add(t.taskId().partition()));
        }
        return out;
    }

    /** Every instance of the application the group knows, with its active and standby partitions. */
    public Collection<StreamsMetadata> instances() {
        try {
            return streams.metadataForAllStreamsClients();
        } catch (IllegalStateException e) {
            throw new NotAvailableException("the aggregator is not running: " + streams.state(), RETRY_AFTER_SECONDS);
        }
    }

    /** The input-topic partitions of a metadata entry's active ({@code standby=false}) or standby copies. */
    public static Set<Integer> partitionsOf(StreamsMetadata m, boolean standby) {
        Set<Integer> out = new TreeSet<>();
        for (TopicPartition tp : standby ? m.standbyTopicPartitions() : m.topicPartitions()) {
            if (tp.topic().equals(Topics.METRICS)) {
                out.add(tp.partition());
            }
        }
        return out;
    }
}
