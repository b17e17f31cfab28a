package io.newsmetrics.aggregator.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * Which observation of a key is the "latest": the one with the most recent {@link Period period}
 * (see {@link Period#compareTo}); among equal periods the most recently published source; among those
 * the one that arrived last (larger offset, then later record timestamp).
 * An observation without a period ranks below every dated one; a source without a readable
 * publication time ranks below every dated source of the same period.
 */
public final class ObservationOrder {
    /** Ascending: the greatest observation is the latest. */
    public static final Comparator<Observation> LATEST = Comparator
            .comparing(Observation::parsedPeriod, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(o -> publishedInstant(o.publishedAt()), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Observation::offset)
            .thenComparingLong(Observation::timestamp);

    private ObservationOrder() {
    }

    /**
     * A publication time as an instant: {@code 2025-07-25} is the start of that day in UTC,
     * a date-time with an offset is taken as is, one without is taken as UTC; anything else is null.
     */
    public static Instant publishedInstant(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String s = publishedAt.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
