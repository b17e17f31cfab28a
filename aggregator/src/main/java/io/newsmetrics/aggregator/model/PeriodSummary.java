package io.newsmetrics.aggregator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the observations of one key and period say, compactly: every distinct figure (first-seen order) with its
 * exact count of distinct sources and at most {@link ValueReport#MAX_SOURCES} of their URLs. Its size depends on
 * how many different figures were given, not on how often they were repeated, so it can be updated per event.
 * An observation belongs to the first figure it {@link ValueReport#isFigureOf states}; figures are only appended,
 * so that figure never changes.
 *
 * @param figures the distinct figures, first-seen order
 */
public record PeriodSummary(List<ValueReport> figures) {
    /** A period nothing was observed for. */
    public static final PeriodSummary EMPTY = new PeriodSummary(List.of());

    public PeriodSummary {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** Index of the figure {@code o} states, or -1 when it states a new one. */
    public int figureOf(Observation o) {
        Objects.requireNonNull(o, "observation");
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i).isFigureOf(o)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy with {@code o}'s figure appended as a new one, with its source. */
    public PeriodSummary withNewFigure(Observation o) {
        List<ValueReport> next = new ArrayList<>(figures.size() + 1);
        next.addAll(figures);
        next.add(ValueReport.first(o));
        return new PeriodSummary(next);
    }

    /** A copy where figure {@code index} counts one more distinct source, {@code url}. */
    public PeriodSummary withNewSource(int index, String url) {
        Objects.checkIndex(index, figures.size());
        List<ValueReport> next = new ArrayList<>(figures);
        next.set(index, figures.get(index).withNewSource(url));
        return new PeriodSummary(next);
    }

    /** The summary of a set of observations of one key and period, in the order given. */
    public static PeriodSummary of(Collection<Observation> observations) {
        Objects.requireNonNull(observations, "observations");
        PeriodSummary s = EMPTY;
        Set<String> seen = new HashSet<>(); // figure index NUL source URL
        for (Observation o : observations) {
            int i = s.figureOf(o);
            if (i < 0) {
                seen.add(s.figures.size() + "\u0000" + o.sourceUrl());
                s = s.withNewFigure(o);
            } else if (seen.add(i + "\u0000" + o.sourceUrl())) {
                s = s.withNewSource(i, o.sourceUrl());
            }
        }
        return s;
    }
}
