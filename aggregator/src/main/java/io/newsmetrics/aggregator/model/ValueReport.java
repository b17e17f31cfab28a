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
        java.util.Objects.requireNonNull(unit, "unit");
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Whether this figure measures the same thing as one in {@code unit} of kind {@code change}. */
    public boolean sameKindAs(String unit, Change change) {
        return this.unit.equals(unit) && this.change == change;
    }

    /** How many distinct sources report this figure. */
    public int sourceCount() {
        return sources.size();
    }
}
