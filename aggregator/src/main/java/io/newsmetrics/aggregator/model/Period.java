package io.newsmetrics.aggregator.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})(?:-(?:([Hh])([12])|([Qq])([1-4])|(\\d{2})(?:-(\\d{2}))?))?");

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
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD): '" + text + "'");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            String canonical;
            LocalDate start;
            LocalDate end;
            if (m.group(2) != null) {
                int half = Integer.parseInt(m.group(3));
                start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
                end = YearMonth.of(year, half == 1 ? 6 : 12).atEndOfMonth();
                canonical = year + "-H" + half;
            } else if (m.group(4) != null) {
                int quarter = Integer.parseInt(m.group(5));
                start = LocalDate.of(year, quarter * 3 - 2, 1);
                end = YearMonth.of(year, quarter * 3).atEndOfMonth();
                canonical = year + "-Q" + quarter;
            } else if (m.group(6) != null && m.group(7) == null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(6)));
                start = month.atDay(1);
                end = month.atEndOfMonth();
                canonical = month.toString();
            } else if (m.group(6) != null) {
                start = LocalDate.of(year, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
                end = start;
                canonical = start.toString();
            } else {
                start = LocalDate.of(year, 1, 1);
                end = LocalDate.of(year, 12, 31);
                canonical = String.valueOf(year);
            }
            return new Period(canonical, start, end);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a real period: '" + text + "': " + e.getMessage(), e);
        }
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
