package io.newsmetrics.aggregator.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorTest {
    static Observation obs(String source, double value, String unit, long offset) {
        return new Observation("id" + offset, "k/x", "k", "x", "x", "2025", value, null, null, unit, null, null, null,
                source, null, "2025-01-0" + (offset % 9 + 1), null, 0, offset, 0);
    }

    @Test
    void countsDistinctSourcesOfTheLatestFigure() {
        Observation a = obs("https://a", 1.1e9, "count", 1);
        Observation b = obs("https://b", 1.1e9 * (1 + 1e-12), "count", 2);
        Observation b2 = obs("https://b", 1.1e9, "count", 3);
        Indicator i = Indicator.summarize(b2, List.of(a, b, b2), 3);
        assertEquals(List.of("https://a", "https://b"), i.sources());
        assertFalse(i.conflicting());
    }

    @Test
    void listsDisagreeingFiguresWithTheirSources() {
        Observation a = obs("https://a", 100, "count", 1);
        Observation b = obs("https://b", 120, "count", 2);
        Observation c = obs("https://c", 100, "percent", 3);
        Indicator i = Indicator.summarize(b, List.of(a, b, c), 3);
        assertEquals(List.of("https://b"), i.sources());
        assertTrue(i.conflicting());
        assertEquals(1, i.conflicts().size(), "another value in the same unit disagrees");
        assertEquals(List.of("https://a"), i.conflicts().get(0).sources());
        assertEquals(1, i.otherFigures().size(), "a figure in another unit is reported, not a conflict");
        assertEquals("percent", i.otherFigures().get(0).unit());
    }

    @Test
    void keepsSourceCountsExactWhenListsAreBounded() {
        java.util.List<Observation> all = new java.util.ArrayList<>();
        for (int i = 0; i < ValueReport.MAX_SOURCES + 10; i++) {
            all.add(obs("https://same" + i, 100, "count", i));
            all.add(obs("https://other" + i, 90, "count", 1000 + i));
        }
        Observation latest = all.get(0);
        Indicator i = Indicator.summarize(latest, all, all.size());
        assertEquals(ValueReport.MAX_SOURCES + 10, i.sourceCount());
        assertEquals(ValueReport.MAX_SOURCES, i.sources().size());
        assertEquals(ValueReport.MAX_SOURCES + 10, i.conflicts().get(0).sourceCount());
        assertEquals(ValueReport.MAX_SOURCES, i.conflicts().get(0).sources().size());
    }

    @Test
    void buildsTheSameIndicatorFromASummaryAsFromTheObservations() {
        Observation a = obs("https://a", 100, "count", 1);
        Observation b = obs("https://b", 120, "count", 2);
        Observation c = obs("https://c", 100, "count", 3);
        List<Observation> all = List.of(a, b, c);
        assertEquals(Indicator.summarize(c, all, 3), Indicator.of(c, PeriodSummary.of(all), 3));
        assertEquals(2, Indicator.of(c, PeriodSummary.of(all), 3).sourceCount());
    }
}
