package io.newsmetrics.aggregator.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationOrderTest {
    static Observation obs(String period, String publishedAt, long offset) {
        return new Observation("id" + offset, "k/x", "k", "x", "x", period, 1.0, null, null, "count", null, null, null,
                "https://s.example/" + offset, null, publishedAt, null, 0, offset, 0);
    }

    @Test
    void newerPeriodBeatsNewerPublicationAndLaterArrival() {
        assertTrue(ObservationOrder.LATEST.compare(obs("2025", "2025-01-01", 1), obs("2019", "2026-01-01", 2)) > 0);
    }

    @Test
    void samePeriodIsDecidedByPublicationThenArrival() {
        assertTrue(ObservationOrder.LATEST.compare(obs("2025", "2025-03-01", 1), obs("2025", "2025-02-01", 2)) > 0);
        assertTrue(ObservationOrder.LATEST.compare(obs("2025", "2025-03-01", 2), obs("2025", "2025-03-01", 1)) > 0);
        assertTrue(ObservationOrder.LATEST.compare(obs("2025", null, 9), obs("2025", "2020-01-01", 1)) < 0,
                "an undated source ranks below dated ones");
    }

    @Test
    void undatedPeriodRanksBelowAnyPeriod() {
        assertTrue(ObservationOrder.LATEST.compare(obs(null, "2026-01-01", 9), obs("1990", "1991-01-01", 1)) < 0);
    }

    @Test
    void readsDatesAndDateTimes() {
        assertEquals(Instant.parse("2025-07-25T00:00:00Z"), ObservationOrder.publishedInstant("2025-07-25"));
        assertEquals(Instant.parse("2025-07-25T06:00:00Z"), ObservationOrder.publishedInstant("2025-07-25T08:00:00+02:00"));
        assertEquals(Instant.parse("2025-07-25T08:00:00Z"), ObservationOrder.publishedInstant("2025-07-25T08:00:00"));
        assertNull(ObservationOrder.publishedInstant("yesterday"));
    }
}
