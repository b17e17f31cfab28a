package io.newsmetrics.aggregator.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueReportTest {
    @Test
    void countsSourcesBeyondTheListedOnes() {
        ValueReport r = ValueReport.first(IndicatorTest.obs("https://a", 5, "count", 1));
        for (int i = 0; i < ValueReport.MAX_SOURCES + 3; i++) {
            r = r.withNewSource("https://s" + i);
        }
        assertEquals(ValueReport.MAX_SOURCES + 4, r.sourceCount());
        assertEquals(ValueReport.MAX_SOURCES, r.sources().size());
    }

    @Test
    void readsAStoredReportWithoutACountFromItsList() {
        ValueReport old = new ValueReport(1.0, null, null, "count", null, 0, List.of("https://a", "https://b"));
        assertEquals(2, old.sourceCount(), "values stored before sourceCount existed");
        assertEquals(2, new ValueReport(1.0, null, null, "count", null, List.of("https://a", "https://b")).sourceCount());
    }

    @Test
    void recognisesItsFigureWithinRoundingNoise() {
        ValueReport r = ValueReport.first(IndicatorTest.obs("https://a", 1.1e9, "count", 1));
        assertTrue(r.isFigureOf(IndicatorTest.obs("https://b", 1.1e9 * (1 + 1e-12), "count", 2)));
        assertFalse(r.isFigureOf(IndicatorTest.obs("https://b", 1.1e9, "percent", 2)));
        assertFalse(r.isFigureOf(IndicatorTest.obs("https://b", 1.2e9, "count", 2)));
    }
}
