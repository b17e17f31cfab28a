package io.newsmetrics.aggregator.streams;

/** Names of the aggregator's state stores (also the stem of their changelog topics). */
public final class StoreNames {
    /** Indicator key to {@link io.newsmetrics.aggregator.model.Indicator}: the latest state per key. */
    public static final String LATEST = "indicators-latest-store";
    /** {@link HistoryKeys history key} to {@link io.newsmetrics.aggregator.model.Observation}. */
    public static final String HISTORY = "indicators-history-store";
    /**
     * {@link HistoryKeys#periodPrefix period prefix} to {@link io.newsmetrics.aggregator.model.PeriodSummary}: the
     * figures of a key's latest period with their source counts, kept so an event never rescans the history.
     * It also holds the marks of sources counted past a figure's full source list: an empty summary under
     * {@link HistoryKeys#sourceMark} (one store: every store costs a RocksDB flush and changelog per commit).
     */
    public static final String SUMMARY = "indicators-period-summary-store";
    /**
     * Indicator key to the record timestamp of its last event: keys changed since the last emission to
     * {@code indicators-latest}. In memory (it holds one interval's keys) and logged, so it commits with the rest.
     */
    public static final String PENDING = "indicators-pending-output-store";

    private StoreNames() {
    }
}
