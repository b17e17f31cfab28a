package io.newsmetrics.aggregator.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
        Instant common = isoOrNull(s);
        if (common != null) {
            return common;
        }
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

    /**
     * The common shapes read by hand, since every event is compared with its key's latest: {@code yyyy-MM-dd} and
     * {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with {@code Z} or {@code +HH:MM}; null for any other shape or any
     * value out of range, which {@link #publishedInstant} then leaves to java.time.
     */
    private static Instant isoOrNull(String s) {
        int n = s.length();
        if (n < 10 || !Digits.are(s, 0, 4) || s.charAt(4) != '-' || !Digits.are(s, 5, 2) || s.charAt(7) != '-'
                || !Digits.are(s, 8, 2)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Digits.value(s, 0, 4), Digits.value(s, 5, 2), Digits.value(s, 8, 2));
            if (n == 10) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (n < 17 || s.charAt(10) != 'T' || !Digits.are(s, 11, 2) || s.charAt(13) != ':' || !Digits.are(s, 14, 2)) {
                return null;
            }
            int i = 16;
            int second = 0;
            int nanos = 0;
            if (s.charAt(i) == ':' && i + 3 <= n && Digits.are(s, i + 1, 2)) {
                second = Digits.value(s, i + 1, 2);
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int digits = 0;
                    while (i + 1 + digits < n && digits < 10 && Digits.are(s, i + 1 + digits, 1)) {
                        digits++;
                    }
                    if (digits == 0 || digits > 9) {
                        return null;
                    }
                    nanos = Digits.value(s, i + 1, digits);
                    for (int k = digits; k < 9; k++) {
                        nanos *= 10;
                    }
                    i += 1 + digits;
                }
            }
            ZoneOffset offset;
            if (i == n - 1 && s.charAt(i) == 'Z') {
                offset = ZoneOffset.UTC;
            } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && Digits.are(s, i + 1, 2)
                    && s.charAt(i + 3) == ':' && Digits.are(s, i + 4, 2)) {
                int sign = s.charAt(i) == '+' ? 1 : -1;
                offset = ZoneOffset.ofHoursMinutes(sign * Digits.value(s, i + 1, 2), sign * Digits.value(s, i + 4, 2));
            } else {
                return null;
            }
            return LocalDateTime.of(date, LocalTime.of(Digits.value(s, 11, 2), Digits.value(s, 14, 2), second, nanos))
                    .toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
