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
     */
    public static final String SUMMARY = "indicators-period-summary-store";
    /**
     * {@link HistoryKeys#sourceMark source mark} to the id of the first event of that source and figure: which
     * sources a figure counts beyond the {@link io.newsmetrics.aggregator.model.ValueReport#MAX_SOURCES} its
     * summary lists (point look-ups keep {@code sourceCount} exact with bounded summaries).
     */
    public static final String SOURCES = "indicators-period-sources-store";

    private StoreNames() {
    }
}
