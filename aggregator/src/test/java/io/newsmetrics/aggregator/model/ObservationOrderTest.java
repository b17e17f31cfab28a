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

    @Test
    void readsPublicationTimesAsJavaTimeDoes() {
        // the java.time reading (what publishedInstant did for every shape before the common ones were read by hand)
        // is the oracle, over generated near misses of each shape
        // (valid choices repeated so that many of the inputs are valid times)
        String[][] slots = {{"2025", "1999", "2025", "2O25"}, {"-"}, {"07", "02", "07", "13"}, {"-", "-", "-", "/"},
                {"25", "29", "25", "31"}, {"T", "T", "T", "", "t", " "}, {"08", "08", "24", ""}, {":00", ":00", ":60", ":5", ""},
                {"", "", ":30", ":61"}, {"", "", ".5", ".123456789", ".1234567890", "."},
                {"Z", "Z", "+02:00", "-05:30", "+18:00", "+19:00", "+0200", "+02:00:00", "z", ""}};
        java.util.Random random = new java.util.Random(5);
        int read = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (String[] slot : slots) {
                b.append(slot[random.nextInt(slot.length)]);
            }
            String text = b.toString();
            Instant expected = javaTime(text);
            assertEquals(expected, ObservationOrder.publishedInstant(text), text);
            read += expected == null ? 0 : 1;
        }
        assertTrue(read > 500, "the generated inputs include many valid times, got " + read);
    }

    private static Instant javaTime(String text) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }
}
