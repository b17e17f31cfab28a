package io.newsmetrics.aggregator.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A reporting period as written on a metric event ({@code YYYY}, {@code YYYY-Hn}, {@code YYYY-Qn},
 * {@code YYYY-MM}, {@code YYYY-MM-DD}), as the closed interval of days it covers.
 *
 * <p>Order ("more recent"): the period that <em>ends</em> later is more recent; when two end on the
 * same day, the one that <em>starts</em> later (the narrower one) is more recent. So
 * {@code 2024 < 2024-H2 < 2024-Q4 < 2024-12 < 2024-12-31 < 2025-01}: a December figure is newer
 * information than the year it closes, and a whole year is never "newer" than its last month.
 */
public record Period(String text, LocalDate start, LocalDate end) implements Comparable<Period> {
    public Period {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Parses a period.
     *
     * @throws IllegalArgumentException when the text is not one of the five forms or names no real day
     */
    public static Period parse(String text) {
        Objects.requireNonNull(text, "text");
        // by hand, not a regular expression: the aggregator parses periods several times per event
        String s = text.trim();
        int n = s.length();
        if (n < 4 || !Digits.are(s, 0, 4) || n > 4 && s.charAt(4) != '-') {
            throw notAPeriod(text);
        }
        try {
            int year = Digits.value(s, 0, 4);
            if (n == 4) {
                return new Period(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            char kind = n == 7 ? s.charAt(5) : 0;
            int digit = n == 7 ? s.charAt(6) - '0' : -1;
            if ((kind == 'H' || kind == 'h') && (digit == 1 || digit == 2)) {
                return new Period(year + "-H" + digit, LocalDate.of(year, digit == 1 ? 1 : 7, 1),
                        YearMonth.of(year, digit == 1 ? 6 : 12).atEndOfMonth());
            }
            if ((kind == 'Q' || kind == 'q') && digit >= 1 && digit <= 4) {
                return new Period(year + "-Q" + digit, LocalDate.of(year, digit * 3 - 2, 1),
                        YearMonth.of(year, digit * 3).atEndOfMonth());
            }
            if (n == 7 && Digits.are(s, 5, 2)) {
                YearMonth month = YearMonth.of(year, Digits.value(s, 5, 2));
                return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
            }
            if (n == 10 && Digits.are(s, 5, 2) && s.charAt(7) == '-' && Digits.are(s, 8, 2)) {
                LocalDate day = LocalDate.of(year, Digits.value(s, 5, 2), Digits.value(s, 8, 2));
                return new Period(day.toString(), day, day);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a real period: '" + text + "': " + e.getMessage(), e);
        }
        throw notAPeriod(text);
    }

    private static IllegalArgumentException notAPeriod(String text) {
        return new IllegalArgumentException("not a period (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD): '" + text + "'");
    }

    /** The period, or null when the text is null, blank or not a period. */
    public static Period parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A string whose lexicographic order is this period's order: {@code yyyymmdd-yyyymmdd} of end then start.
     * Used in store keys so that a range scan walks periods from oldest to newest.
     */
    public String sortKey() {
        StringBuilder b = new StringBuilder(17);
        compact(end, b).append('-');
        return compact(start, b).toString();
    }

    // Per stored event, so by hand rather than String.format (which was a tenth of the aggregator's time).
    private static StringBuilder compact(LocalDate d, StringBuilder b) {
        int y = d.getYear();
        b.append((char) ('0' + y / 1000 % 10)).append((char) ('0' + y / 100 % 10))
                .append((char) ('0' + y / 10 % 10)).append((char) ('0' + y % 10));
        return twoDigits(twoDigits(b, d.getMonthValue()), d.getDayOfMonth());
    }

    private static StringBuilder twoDigits(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = end.compareTo(other.end);
        return byEnd != 0 ? byEnd : start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return text;
    }
}
