package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.PeriodSummary;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregator's topology, the one place it is built (the service and the tests use it):
 * {@code metrics} (key = indicator key, value = MetricEvent JSON) into {@link IndicatorProcessor},
 * which keeps the {@link StoreNames#LATEST}, {@link StoreNames#HISTORY} and {@link StoreNames#SUMMARY}
 * stores, and every changed
 * {@link Indicator} (JSON) out to the compacted {@code indicators-latest} topic.
 *
 * <p>Why a processor and not {@code table()}/{@code reduce()}: reduce is last-arrival-wins, and a
 * versioned store orders by one timestamp only; "latest" here is period, then publication, then
 * arrival, and the same record also feeds history, de-duplication and corroboration.
 */
public final class AggregatorTopology {
    /** Processor node name; dead letters of processing errors name it in their headers. */
    public static final String PROCESSOR = "aggregate-indicators";

    private AggregatorTopology() {
    }

    /** Builds the topology. */
    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        // cached: a key updated many times between commits is written to RocksDB and its changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.LATEST),
                Serdes.String(), JsonSerde.of(Indicator.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HISTORY),
                Serdes.String(), JsonSerde.of(Observation.class)));
        // cached like the latest store: the summary of a busy period is rewritten per event, flushed once per commit
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SUMMARY),
                Serdes.String(), JsonSerde.of(PeriodSummary.class)).withCachingEnabled());
        builder.stream(Topics.METRICS, Consumed.with(Serdes.String(), JsonSerde.of(MetricEvent.class))
                        .withName("metrics-source"))
                .process(IndicatorProcessor::new, Named.as(PROCESSOR), StoreNames.LATEST, StoreNames.HISTORY,
                        StoreNames.SUMMARY)
                .to(Topics.INDICATORS_LATEST, Produced.with(Serdes.String(), JsonSerde.of(Indicator.class))
                        .withName("indicators-latest-sink"));
        return builder.build();
    }
}
