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
 * @param sourceCount      distinct source URLs reporting the latest figure for the latest period (exact)
 * @param sources          those URLs in first-seen order, at most {@link ValueReport#MAX_SOURCES} of them
 * @param conflicts        other values reported for the latest period in the same unit and of the same kind
 *                         (level, or change in the same direction), each with its sources; empty when all agree
 * @param otherFigures     figures for the latest period in another unit or of another kind (a change beside a
 *                         level, a figure in another currency): reported, but not in conflict
 * @param observationCount observations of this key (all periods, duplicates by event id excluded)
 */
public record Indicator(String key, String subject, String indicator, String label, Observation latest,
                        int sourceCount, List<String> sources, List<ValueReport> conflicts,
                        List<ValueReport> otherFigures, long observationCount) {

    public Indicator {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(latest, "latest");
        sources = sources == null ? List.of() : List.copyOf(sources);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        otherFigures = otherFigures == null ? List.of() : List.copyOf(otherFigures);
        // values stored before sourceCount existed carry only the list
        sourceCount = Math.max(sourceCount, sources.size());
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
        return of(latest, PeriodSummary.of(samePeriod), observationCount);
    }

    /**
     * The indicator from its latest observation and the {@link PeriodSummary} of that observation's key and period.
     *
     * @param latest           the latest observation; its figure should be in {@code period}
     * @param period           the summary of the latest observation's key and period
     * @param observationCount all observations of the key
     */
    public static Indicator of(Observation latest, PeriodSummary period, long observationCount) {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(period, "period");
        int top = period.figureOf(latest);
        int sourceCount = 1;
        List<String> sources = List.of(latest.sourceUrl());
        List<ValueReport> conflicts = new ArrayList<>();
        List<ValueReport> others = new ArrayList<>();
        List<ValueReport> figures = period.figures();
        for (int i = 0; i < figures.size(); i++) {
            ValueReport r = figures.get(i);
            if (i == top) {
                sourceCount = r.sourceCount();
                sources = r.sources();
            } else if (r.sameKindAs(latest.unit(), latest.change())) {
                conflicts.add(r);
            } else {
                others.add(r);
            }
        }
        return new Indicator(latest.key(), latest.subject(), latest.indicator(), latest.label(), latest, sourceCount,
                sources, conflicts, others, observationCount);
    }

    /**
     * Groups observations of one period by figure, each with all its distinct sources, in first-seen order
     * (histories list them all; indicators keep at most {@link ValueReport#MAX_SOURCES} per figure).
     */
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

    /** A copy with another observation count. */
    public Indicator withObservationCount(long count) {
        return new Indicator(key, subject, indicator, label, latest, sourceCount, sources, conflicts, otherFigures,
                count);
    }
}
