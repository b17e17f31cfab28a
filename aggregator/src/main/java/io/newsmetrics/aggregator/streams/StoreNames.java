package io.newsmetrics.aggregator.streams;

/** Names of the aggregator's state stores (also the stem of their changelog topics). */
public final class StoreNames {
    /** Indicator key to {@link io.newsmetrics.aggregator.model.Indicator}: the latest state per key. */
    public static final String LATEST = "indicators-latest-store";
    /** {@link HistoryKeys history key} to {@link io.newsmetrics.aggregator.model.Observation}. */
    public static final String HISTORY = "indicators-history-store";

    private StoreNames() {
    }
}
