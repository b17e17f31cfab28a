package io.newsmetrics.aggregator.model;

import io.newsmetrics.model.Change;

import java.util.List;

/**
 * One figure reported for a key and period, with every distinct source that reported it.
 * Two observations report the same figure when {@link Observation#sameFigureAs} says so.
 */
public record ValueReport(Double value, Double low, Double high, String unit, Change change,
                          List<String> sources) {
    public ValueReport {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** How many distinct sources report this figure. */
    public int sourceCount() {
        return sources.size();
    }
}
