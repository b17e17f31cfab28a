package io.newsmetrics.extractor.fact;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorNamerTest {
    private static final IndicatorNamer N = IndicatorNamer.load();

    @Test
    void foldsSynonymsToOneId() {
        assertEquals("internet-users", N.indicatorOf("China's internet user base", "count"));
        assertEquals("internet-users", N.indicatorOf("number of internet users", "count"));
    }

    @Test
    void keepsIdsAscii() {
        assertEquals("zurich-cafe", N.indicatorOf("Zürich café", "count"));
        assertEquals("value", N.indicatorOf("北京", "北京"));
    }

    @Test
    void kebabsUnknownLabelsWithPluralsFolded() {
        assertEquals("wind-turbine", N.indicatorOf("wind turbines", "count"));
        assertEquals("users", N.indicatorOf("", "users"));
    }
}
