package io.newsmetrics.extractor.fact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodResolverTest {
    private static final PeriodResolver P = PeriodResolver.of("2025-07-25");

    private static List<String> periods(String s) {
        return P.find(s).stream().map(PeriodResolver.Expression::period).toList();
    }

    @Test
    void resolvesAMonthToItsLatestOccurrence() {
        assertEquals(List.of("2025-06"), periods("As of June, users reached 1.1 billion"));
        assertEquals(List.of("2024-10"), periods("in October sales fell"));
    }

    @Test
    void resolvesQuartersHalvesAndYears() {
        assertEquals(List.of("2025-H1"), periods("in the first half of 2025"));
        assertEquals(List.of("2025-Q2"), periods("the second quarter"));
        assertEquals(List.of("2025-Q3"), periods("the third quarter"));
        assertEquals(List.of("2024-Q4"), periods("the fourth quarter"));
        assertEquals(List.of("2024"), periods("in 2024"));
    }

    @Test
    void resolvesRelativeExpressions() {
        assertEquals(List.of("2025-06"), periods("plunged 10 percent last month"));
        assertEquals(List.of("2024"), periods("dealers last year sold"));
        assertEquals(List.of("2025-07-21"), periods("late on Monday"));
        assertEquals(List.of("2025-07-25"), periods("down 5% in recent trading"));
        assertEquals("2024-06", P.shift("2025-06", "-1Y"));
        assertEquals("2025-05", P.shift("2025-06", "-1M"));
    }

    @Test
    void marksComparisonBases() {
        PeriodResolver.Expression e = P.find("up 4 percent from the previous year").get(0);
        assertTrue(e.comparison());
        assertTrue(e.relative());
    }

    @Test
    void knowsNothingWithoutAPublicationDate() {
        assertEquals(List.of("2024-06"), PeriodResolver.of(null).find("in June 2024 and in May").stream()
                .map(PeriodResolver.Expression::period).toList());
    }
}
