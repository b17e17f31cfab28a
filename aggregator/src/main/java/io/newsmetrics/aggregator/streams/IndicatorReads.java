package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.ObservationOrder;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.streams.InteractiveQueries.PartitionStores;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The queries the HTTP API runs on one partition's stores. Pure reads: they never write. */
public final class IndicatorReads {
    private static final StringSerializer KEYS = new StringSerializer();

    private IndicatorReads() {
    }

    /** The key's current indicator, or null when the key is unknown. */
    public static Indicator latest(PartitionStores s, String key) {
        return s.latest().get(key);
    }

    /**
     * The indicator as it stands for periods ending on or before {@code bound}'s end: the latest
     * dated observation up to there, with corroboration and conflicts of its period. Null when none.
     */
    public static Indicator asOf(PartitionStores s, String key, Period bound) {
        Objects.requireNonNull(bound, "bound");
        Observation best = null;
        long count = 0;
        try (KeyValueIterator<String, Observation> it = s.history().range(HistoryKeys.firstDated(key),
                HistoryKeys.upTo(key, bound))) {
            while (it.hasNext()) {
                Observation o = it.next().value;
                Period p = o.parsedPeriod();
                if (p == null || p.end().isAfter(bound.end())) {
                    continue;
                }
                count++;
                if (best == null || ObservationOrder.LATEST.compare(o, best) > 0) {
                    best = o;
                }
            }
        }
        if (best == null) {
            return null;
        }
        return Indicator.summarize(best, samePeriod(s.history(), key, best.parsedPeriod()), count);
    }

    /**
     * Observations of a key, oldest period first (undated first when no bounds are given):
     * those whose period starts on or after {@code from}'s start and ends on or before {@code to}'s end.
     */
    public static List<Observation> history(PartitionStores s, String key, Period from, Period to) {
        List<Observation> out = new ArrayList<>();
        String lower = from == null && to == null ? HistoryKeys.keyPrefix(key)
                : from == null ? HistoryKeys.firstDated(key)
                // sort keys begin with the period's end; a period starting on or after from's start ends there too
                : HistoryKeys.keyPrefix(key) + from.sortKey().substring(9);
        String upper = to == null ? HistoryKeys.end(key) : HistoryKeys.upTo(key, to);
        try (KeyValueIterator<String, Observation> it = s.history().range(lower, upper)) {
            while (it.hasNext()) {
                Observation o = it.next().value;
                Period p = o.parsedPeriod();
                if (from != null && (p == null || p.start().isBefore(from.start()))) {
                    continue;
                }
                if (to != null && (p == null || p.end().isAfter(to.end()))) {
                    continue;
                }
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Up to {@code limit} indicators matching {@code filter} with keys after {@code afterKey} (null: from the
     * first), in key order.
     */
    public static List<Indicator> list(PartitionStores s, IndicatorFilter filter, String afterKey, int limit) {
        return list(s, filter, afterKey, limit, null);
    }

    /**
     * Like {@link #list(PartitionStores, IndicatorFilter, String, int)}, each indicator as of {@code asOf}
     * (see {@link #asOf}) when not null; keys with nothing up to then are left out. Filters apply to the
     * current indicator.
     */
    public static List<Indicator> list(PartitionStores s, IndicatorFilter filter, String afterKey, int limit,
                                       Period asOf) {
        List<Indicator> out = new ArrayList<>();
        String from = afterKey == null ? null : afterKey + '\u0000'; // the smallest key greater than afterKey
        try (KeyValueIterator<String, Indicator> it = s.latest().range(from, null)) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<String, Indicator> kv = it.next();
                if (filter.matches(kv.value)) {
                    Indicator i = asOf == null ? kv.value : asOf(s, kv.key, asOf);
                    if (i != null) {
                        out.add(i);
                    }
                }
            }
        }
        return out;
    }

    static List<Observation> samePeriod(ReadOnlyKeyValueStore<String, Observation> history, String key, Period period) {
        List<Observation> out = new ArrayList<>();
        try (KeyValueIterator<String, Observation> it = history.prefixScan(HistoryKeys.periodPrefix(key, period), KEYS)) {
            while (it.hasNext()) {
                out.add(it.next().value);
            }
        }
        return out;
    }
}
