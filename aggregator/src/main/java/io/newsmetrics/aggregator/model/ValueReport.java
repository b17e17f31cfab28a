package io.newsmetrics.aggregator.model;

import io.newsmetrics.model.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One figure reported for a key and period, with how many distinct sources reported it and their URLs.
 * Two observations report the same figure when {@link Observation#sameFigureAs} says so.
 *
 * @param sourceCount distinct sources reporting this figure (exact; never below {@code sources.size()})
 * @param sources     distinct source URLs in first-seen order; the aggregator keeps at most
 *                    {@link #MAX_SOURCES} of them, so this list can be shorter than {@code sourceCount}
 */
public record ValueReport(Double value, Double low, Double high, String unit, Change change,
                          int sourceCount, List<String> sources) {
    /** Most source URLs kept per figure: the count stays exact, the list stops growing (bounded state and answers). */
    public static final int MAX_SOURCES = 50;

    public ValueReport {
        Objects.requireNonNull(unit, "unit");
        sources = sources == null ? List.of() : List.copyOf(sources);
        // values stored before sourceCount existed carry only the list
        sourceCount = Math.max(sourceCount, sources.size());
    }

    /** A report whose sources are all listed. */
    public ValueReport(Double value, Double low, Double high, String unit, Change change, List<String> sources) {
        this(value, low, high, unit, change, sources == null ? 0 : sources.size(), sources);
    }

    /** The first report of a figure: the observation's figure with its one source. */
    public static ValueReport first(Observation o) {
        Objects.requireNonNull(o, "observation");
        return new ValueReport(o.value(), o.low(), o.high(), o.unit(), o.change(), 1, List.of(o.sourceUrl()));
    }

    /** Whether this figure measures the same thing as one in {@code unit} of kind {@code change}. */
    public boolean sameKindAs(String unit, Change change) {
        return this.unit.equals(unit) && this.change == change;
    }

    /** Whether an observation states this figure (see {@link Observation#sameFigureAs}). */
    public boolean isFigureOf(Observation o) {
        return o.sameFigureAs(value, low, high, unit, change);
    }

    /** A copy counting one more distinct source, listed while fewer than {@link #MAX_SOURCES} are. */
    public ValueReport withNewSource(String url) {
        Objects.requireNonNull(url, "url");
        List<String> list = sources;
        if (sources.size() < MAX_SOURCES) {
            List<String> grown = new ArrayList<>(sources.size() + 1);
            grown.addAll(sources);
            grown.add(url);
            list = grown;
        }
        return new ValueReport(value, low, high, unit, change, sourceCount + 1, list);
    }
}
