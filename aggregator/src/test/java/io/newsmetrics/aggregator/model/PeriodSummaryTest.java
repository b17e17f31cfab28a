package io.newsmetrics.aggregator.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.newsmetrics.aggregator.model.IndicatorTest.obs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodSummaryTest {
    @Test
    void groupsObservationsByFigureInFirstSeenOrder() {
        PeriodSummary s = PeriodSummary.of(List.of(obs("https://a", 100, "count", 1), obs("https://b", 120, "count", 2),
                obs("https://c", 100 * (1 + 1e-12), "count", 3), obs("https://a", 100, "percent", 4)));
        assertEquals(3, s.figures().size());
        assertEquals(List.of("https://a", "https://c"), s.figures().get(0).sources());
        assertEquals(120.0, s.figures().get(1).value());
        assertEquals("percent", s.figures().get(2).unit());
        assertEquals(1, s.figureOf(obs("https://z", 120, "count", 9)));
        assertEquals(-1, s.figureOf(obs("https://z", 130, "count", 9)));
    }

    @Test
    void countsEachSourceOncePerFigure() {
        PeriodSummary s = PeriodSummary.of(List.of(obs("https://a", 1, "count", 1), obs("https://a", 1, "count", 2),
                obs("https://a", 2, "count", 3)));
        assertEquals(1, s.figures().get(0).sourceCount(), "one source said 1 twice");
        assertEquals(1, s.figures().get(1).sourceCount(), "the same source may give another figure too");
    }

    @Test
    void keepsTheCountExactAndTheListBounded() {
        List<Observation> many = new ArrayList<>();
        for (int i = 0; i < ValueReport.MAX_SOURCES + 25; i++) {
            many.add(obs("https://s" + i + ".example", 7, "count", i));
        }
        ValueReport r = PeriodSummary.of(many).figures().get(0);
        assertEquals(ValueReport.MAX_SOURCES + 25, r.sourceCount());
        assertEquals(ValueReport.MAX_SOURCES, r.sources().size());
        assertEquals("https://s0.example", r.sources().get(0), "the first sources seen are the ones listed");
    }

    @Test
    void refusesAnUnknownFigureIndex() {
        assertThrows(IndexOutOfBoundsException.class, () -> PeriodSummary.EMPTY.withNewSource(0, "https://a"));
    }
}
