package io.newsmetrics.aggregator.model;

import io.newsmetrics.model.Change;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Qualifier;

import java.util.Objects;

/**
 * One observation of an indicator: what one article said about one key, flattened from a
 * {@link MetricEvent} with where it arrived from (partition, offset), which gives the arrival order.
 *
 * @param eventId     the event's deterministic id; one observation per id
 * @param key         the indicator key ({@code china/internet-users})
 * @param period      the period as written on the event, or null
 * @param partition   input partition it arrived on
 * @param offset      input offset; within a key (one partition) a larger offset arrived later
 * @param timestamp   the input record's timestamp, epoch millis
 */
public record Observation(String eventId, String key, String subject, String indicator, String label,
                          String period, Double value, Double low, Double high, String unit, String surfaceUnit,
                          Qualifier qualifier, Change change, String sourceUrl, String sourceTitle,
                          String publishedAt, String sentence, int partition, long offset, long timestamp) {

    public Observation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
    }

    /** The observation an event makes, with its id computed when the event lacks one. */
    public static Observation of(MetricEvent e, int partition, long offset, long timestamp) {
        Objects.requireNonNull(e, "event");
        String id = e.id() == null || e.id().isBlank()
                ? MetricEvent.idOf(e.source().url(), e.key(), e.value(), e.low(), e.high(), e.unit(), e.change(), e.period())
                : e.id();
        return new Observation(id, e.key(), e.subject(), e.indicator(), e.label(), e.period(), e.value(), e.low(),
                e.high(), e.unit(), e.surfaceUnit(), e.qualifier(), e.change(), e.source().url(), e.source().title(),
                e.source().publishedAt(), e.evidence() == null ? null : e.evidence().sentence(), partition, offset,
                timestamp);
    }

    /** The parsed period, or null when it has none (or an unreadable one, which the processor rejects). */
    public Period parsedPeriod() {
        return Period.parseOrNull(period);
    }

    /** Whether this observation states the same figure as another: same unit, direction and (nearly) value. */
    public boolean sameFigureAs(Observation o) {
        return sameFigureAs(o.value, o.low, o.high, o.unit, o.change);
    }

    /** Whether this observation states the given figure: same unit, direction and (nearly) value. */
    public boolean sameFigureAs(Double value, Double low, Double high, String unit, Change change) {
        return this.unit.equals(unit) && Objects.equals(this.change, change)
                && near(this.value, value) && near(this.low, low) && near(this.high, high);
    }

    private static boolean near(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        // 1e-9 relative: "1.1 billion" and "1,100 million" are the same figure, rounding noise aside.
        return Math.abs(a - b) <= scale * 1e-9;
    }
}
