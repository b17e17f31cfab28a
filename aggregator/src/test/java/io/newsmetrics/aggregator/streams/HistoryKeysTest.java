package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Period;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryKeysTest {
    /** RocksDB compares keys as unsigned bytes. */
    static int bytewise(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsOneKeysHistoryTogetherAndInPeriodOrder() {
        String undated = HistoryKeys.of("china/gdp", null, "z");
        String y2019 = HistoryKeys.of("china/gdp", Period.parse("2019"), "a");
        String q4 = HistoryKeys.of("china/gdp", Period.parse("2024-Q4"), "a");
        String other = HistoryKeys.of("china/gdp-growth", Period.parse("1990"), "a");
        assertTrue(bytewise(undated, y2019) < 0);
        assertTrue(bytewise(y2019, q4) < 0);
        assertTrue(bytewise(q4, HistoryKeys.end("china/gdp")) < 0);
        assertFalse(other.startsWith(HistoryKeys.keyPrefix("china/gdp")), "a longer key is not in the prefix");
    }

    @Test
    void upToCoversPeriodsEndingByTheBound() {
        String bound = HistoryKeys.upTo("k/x", Period.parse("2024-12"));
        assertTrue(bytewise(HistoryKeys.of("k/x", Period.parse("2024"), "id"), bound) < 0);
        assertTrue(bytewise(HistoryKeys.of("k/x", Period.parse("2024-12-31"), "id"), bound) < 0);
        assertTrue(bytewise(HistoryKeys.of("k/x", Period.parse("2025-01"), "id"), bound) > 0);
    }

    @Test
    void refusesKeysThatWouldBreakTheLayout() {
        assertFalse(HistoryKeys.isValidKey("a\u0000b"));
        assertFalse(HistoryKeys.isValidKey(" "));
        assertTrue(HistoryKeys.isValidKey("são-paulo/population"));
    }
}
