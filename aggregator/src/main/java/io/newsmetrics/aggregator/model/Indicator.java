package io.newsmetrics.aggregator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What is known now about one indicator key: its latest observation (see {@link ObservationOrder}),
 * how many distinct sources corroborate that figure for that period, and the other figures
 * sources gave for the same period (conflicts).
 *
 * @param key              the indicator key
 * @param latest           the latest observation
 * @param sources          distinct source URLs reporting the latest figure for the latest period
 * @param conflicts        other values reported for the latest period in the same unit and of the same kind
 *                         (level, or change in the same direction), each with its sources; empty when all agree
 * @param otherFigures     figures for the latest period in another unit or of another kind (a change beside a
 *                         level, a figure in another currency): reported, but not in conflict
 * @param observationCount observations of this key (all periods, duplicates by event id excluded)
 */
public record Indicator(String key, String subject, String indicator, String label, Observation latest,
                        List<String> sources, List<ValueReport> conflicts, List<ValueReport> otherFigures,
                        long observationCount) {

    public Indicator {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(latest, "latest");
        sources = sources == null ? List.of() : List.copyOf(sources);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        otherFigures = otherFigures == null ? List.of() : List.copyOf(otherFigures);
    }

    /** How many distinct sources report the latest figure. */
    public int sourceCount() {
        return sources.size();
    }

    /** Whether sources disagree about the latest period. */
    public boolean conflicting() {
        return !conflicts.isEmpty();
    }

    /**
     * Summarises a key from its latest observation and every observation of the same period.
     *
     * @param latest      the latest observation; must be among {@code samePeriod}
     * @param samePeriod  every observation of the key with the latest observation's period
     * @param observationCount all observations of the key
     */
    public static Indicator summarize(Observation latest, Collection<Observation> samePeriod, long observationCount) {
        Objects.requireNonNull(latest, "latest");
        List<ValueReport> reports = reports(samePeriod);
        List<String> sources = List.of(latest.sourceUrl());
        List<ValueReport> conflicts = new ArrayList<>();
        List<ValueReport> others = new ArrayList<>();
        for (ValueReport r : reports) {
            if (r.sources().contains(latest.sourceUrl()) && sameFigure(r, latest)) {
                sources = r.sources();
            } else if (r.sameKindAs(latest.unit(), latest.change())) {
                conflicts.add(r);
            } else {
                others.add(r);
            }
        }
        return new Indicator(latest.key(), latest.subject(), latest.indicator(), latest.label(), latest, sources,
                conflicts, others, observationCount);
    }

    /** Groups observations of one period by figure, each with its distinct sources, in first-seen order. */
    public static List<ValueReport> reports(Collection<Observation> observations) {
        List<Observation> representatives = new ArrayList<>();
        List<Set<String>> sources = new ArrayList<>();
        outer:
        for (Observation o : observations) {
            for (int i = 0; i < representatives.size(); i++) {
                if (representatives.get(i).sameFigureAs(o)) {
                    sources.get(i).add(o.sourceUrl());
                    continue outer;
                }
            }
            representatives.add(o);
            Set<String> s = new LinkedHashSet<>();
            s.add(o.sourceUrl());
            sources.add(s);
        }
        List<ValueReport> out = new ArrayList<>(representatives.size());
        for (int i = 0; i < representatives.size(); i++) {
            Observation r = representatives.get(i);
            out.add(new ValueReport(r.value(), r.low(), r.high(), r.unit(), r.change(), List.copyOf(sources.get(i))));
        }
        return out;
    }

    private static boolean sameFigure(ValueReport r, Observation o) {
        Observation probe = new Observation("-", o.key(), null, null, null, null, r.value(), r.low(), r.high(),
                r.unit(), null, null, r.change(), "-", null, null, null, 0, 0, 0);
        return probe.sameFigureAs(o);
    }

    /** A copy with another observation count. */
    public Indicator withObservationCount(long count) {
        return new Indicator(key, subject, indicator, label, latest, sources, conflicts, otherFigures, count);
    }
}
