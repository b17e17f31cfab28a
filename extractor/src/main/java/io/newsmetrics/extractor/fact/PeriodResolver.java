package io.newsmetrics.extractor.fact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and resolves them against the article's publication date:
 * "as of June" in an article of 2025-07-25 is {@code 2025-06}, "the third quarter" is the latest third quarter
 * begun before publication, "last month", "a year earlier", weekdays, "first half of 2025" ({@code 2025-H1}).
 * The patterns are linear (no nested quantifiers) and sentences are bounded in length.
 */
final class PeriodResolver {
    /** A time expression: where it is in the sentence and what period it names. */
    record Expression(int start, int end, String period, boolean comparison, boolean relative) {
    }

    private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern MONTH_DATE = Pattern.compile("\\b" + MONTH + "\\b\\.?(?:\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b)?"
            + "(?:,?\\s{1,3}((?:19|20)\\d{2})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s)?" + MONTH
            + "\\b(?:,?\\s{1,3}((?:19|20)\\d{2})\\b)?");
    private static final Pattern QUARTER = Pattern.compile("(?i)\\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]quarter"
            + "(?:\\s(?:of\\s)?(?:fiscal\\s)?((?:19|20)\\d{2}))?|\\bQ([1-4])(?:\\s?(?:FY)?((?:19|20)?\\d{2}))?\\b");
    private static final Pattern HALF = Pattern.compile("(?i)\\b(first|second|1st|2nd)[-\\s]half(?:\\s(?:of\\s)?((?:19|20)\\d{2}))?"
            + "|\\bH([12])(?:\\s?((?:19|20)\\d{2}))?\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d$£€.,/-])\\b((?:19|20)\\d{2})\\b(?![-/]?\\d|%|\\.\\d|,\\d{3}|s\\b)");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(last|this|next|previous|prior|past|current)\\s(month|year|week|quarter)\\b"
            + "|\\b(a\\syear\\s(?:earlier|ago|before)|the\\s(?:previous|prior|preceding)\\syear|year[-\\s]on[-\\s]year"
            + "|year[-\\s]to[-\\s]date|so\\sfar\\sthis\\syear|of\\sthe\\syear|earlier\\sthis\\s(?:week|month|year)"
            + "|today|yesterday|on\\sthe\\sday|in\\s(?:recent|early|late|morning|afternoon|midday|premarket|after-hours)\\strad(?:ing|e)"
            + "|next\\sdecade|at\\sthe\\sclose|now|currently|at\\spresent|a\\smonth\\s(?:earlier|ago|before)|a\\squarter\\s(?:earlier|ago|before))\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private final LocalDate published;

    private PeriodResolver(LocalDate published) {
        this.published = published;
    }

    /** A resolver for an article published on {@code publishedAt} (ISO date or date-time; null when unknown). */
    static PeriodResolver of(String publishedAt) {
        LocalDate d = null;
        if (publishedAt != null && publishedAt.length() >= 10) {
            try {
                d = LocalDate.parse(publishedAt.substring(0, 10));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        return new PeriodResolver(d);
    }

    LocalDate published() {
        return published;
    }

    /** All time expressions of a sentence, in order, overlaps removed (the earlier, longer one wins). */
    List<Expression> find(String s) {
        List<Expression> out = new ArrayList<>();
        Matcher m = MONTH_DATE.matcher(s);
        while (m.find()) {
            String mon = m.group(1);
            if (mon.equals("May") && m.group(2) == null && m.group(3) == null && !after(s, m.start(), "in", "of", "since", "by", "until", "end")) {
                continue;
            }
            if (mon.equals("March") && m.group(2) == null && m.group(3) == null && !after(s, m.start(), "in", "of", "since", "by", "until", "end")
                    && !Character.isUpperCase(s.charAt(m.start())) ) {
                continue;
            }
            String p = monthPeriod(month(mon), m.group(2), m.group(3));
            if (p != null) {
                add(out, s, m.start(), m.end(), p, false);
            }
        }
        m = DAY_MONTH.matcher(s);
        while (m.find()) {
            String p = monthPeriod(month(m.group(2)), m.group(1), m.group(3));
            if (p != null) {
                add(out, s, m.start(), m.end(), p, false);
            }
        }
        m = QUARTER.matcher(s);
        while (m.find()) {
            int q = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
            String y = m.group(1) != null ? m.group(2) : m.group(4);
            add(out, s, m.start(), m.end(), quarterPeriod(q, y), false);
        }
        m = HALF.matcher(s);
        while (m.find()) {
            int h = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
            String y = m.group(1) != null ? m.group(2) : m.group(4);
            Integer year = y != null ? Integer.valueOf(y) : published == null ? null
                    : (h == 2 && published.getMonthValue() <= 6 ? published.getYear() - 1 : published.getYear());
            if (year != null) {
                add(out, s, m.start(), m.end(), year + "-H" + h, false);
            }
        }
        m = YEAR.matcher(s);
        while (m.find()) {
            add(out, s, m.start(), m.end(), m.group(1), false);
        }
        m = RELATIVE.matcher(s);
        while (m.find()) {
            String p = relative(m.group().toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " "));
            boolean rel = m.group(3) != null && (m.group(3).toLowerCase(Locale.ROOT).startsWith("a ")
                    || m.group(3).toLowerCase(Locale.ROOT).startsWith("the "));
            if (rel) {
                String g = m.group(3).toLowerCase(Locale.ROOT);
                p = g.contains("month") ? "-1M" : g.contains("quarter") ? "-1Q" : "-1Y";
            }
            if (p != null) {
                add(out, s, m.start(), m.end(), p, rel);
            }
        }
        m = WEEKDAY.matcher(s);
        while (m.find()) {
            if (published != null) {
                DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                LocalDate d = published;
                while (d.getDayOfWeek() != dow) {
                    d = d.minusDays(1);
                }
                add(out, s, m.start(), m.end(), d.toString(), false);
            }
        }
        out.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        List<Expression> kept = new ArrayList<>();
        int lastEnd = -1;
        for (Expression e : out) {
            if (e.start >= lastEnd) {
                kept.add(e);
                lastEnd = e.end;
            }
        }
        return kept;
    }

    private static boolean after(String s, int pos, String... words) {
        int e = pos;
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(s.charAt(b - 1))) {
            b--;
        }
        String w = s.substring(b, e).toLowerCase(Locale.ROOT);
        for (String x : words) {
            if (w.equals(x)) {
                return true;
            }
        }
        return w.equals("of") && b > 3;
    }

    private void add(List<Expression> out, String s, int start, int end, String period, boolean relative) {
        out.add(new Expression(start, end, period, comparison(s, start), relative));
    }

    /** "from the previous year", "than in 2017", "compared with 2018": the base of a comparison. */
    private static boolean comparison(String s, int start) {
        int e = start;
        int words = 0;
        while (e > 0 && words < 4) {
            int end = e;
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
            int b = end;
            while (b > 0 && Character.isLetter(s.charAt(b - 1))) {
                b--;
            }
            if (b == end) {
                return false;
            }
            String w = s.substring(b, end).toLowerCase(Locale.ROOT);
            if (w.equals("from") || w.equals("than") || w.equals("with") && b > 9
                    && s.substring(Math.max(0, b - 10), b).toLowerCase(Locale.ROOT).contains("compared")
                    || w.equals("versus") || w.equals("over")) {
                return true;
            }
            if (!(w.equals("the") || w.equals("in") || w.equals("of") || w.equals("period") || w.equals("same")
                    || w.equals("date") || w.equals("to") || w.equals("year") || w.equals("last") || w.equals("a"))) {
                return false;
            }
            e = b;
            words++;
        }
        return false;
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
    }

    private static int ordinal(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
        };
    }

    private String monthPeriod(int month, String day, String year) {
        if (month == 0) {
            return null;
        }
        Integer d = day == null ? null : Integer.valueOf(day);
        if (d != null && (d < 1 || d > 31)) {
            return null;
        }
        int y;
        if (year != null) {
            y = Integer.parseInt(year);
        } else if (published == null) {
            return null;
        } else if (d != null) {
            // a day without year: the nearest such date to publication (a scheduled "Dec. 15" may be ahead)
            y = published.getYear();
            LocalDate candidate = safeDate(y, month, d);
            if (candidate != null && candidate.isAfter(published.plusMonths(6))) {
                y--;
            } else if (candidate != null && candidate.isBefore(published.minusMonths(6))) {
                y++;
            }
        } else {
            // a month alone: the latest such month not after publication
            y = month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
        }
        if (d == null) {
            return String.format("%04d-%02d", y, month);
        }
        LocalDate date = safeDate(y, month, d);
        return date == null ? String.format("%04d-%02d", y, month) : date.toString();
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String quarterPeriod(int q, String year) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return (y < 100 ? 2000 + y : y) + "-Q" + q;
        }
        if (published == null) {
            return null;
        }
        int current = (published.getMonthValue() - 1) / 3 + 1;
        int y = q <= current ? published.getYear() : published.getYear() - 1;
        return y + "-Q" + q;
    }

    private String relative(String phrase) {
        if (published == null) {
            return null;
        }
        int y = published.getYear();
        LocalDate lastMonth = published.minusMonths(1);
        return switch (phrase) {
            case "last month", "previous month", "past month" -> String.format("%04d-%02d", lastMonth.getYear(),
                    lastMonth.getMonthValue());
            case "this month", "current month", "earlier this month", "this week", "earlier this week", "last week",
                 "past week" -> String.format("%04d-%02d", y, published.getMonthValue());
            case "this year", "current year", "year to date", "so far this year", "of the year", "earlier this year" ->
                    String.valueOf(y);
            case "last year", "previous year", "past year", "prior year" -> String.valueOf(y - 1);
            case "next year" -> String.valueOf(y + 1);
            case "today", "on the day", "in recent trading", "in early trading", "in late trading", "in morning trading",
                 "in afternoon trading", "in midday trading", "in premarket trading", "in after hours trading",
                 "at the close", "in recent trade", "in early trade", "in late trade", "now", "currently",
                 "at present" -> published.toString();
            case "next decade" -> String.valueOf((y / 10 + 2) * 10);
            case "yesterday" -> published.minusDays(1).toString();
            case "last quarter", "previous quarter" -> {
                int q = (published.getMonthValue() - 1) / 3 + 1;
                yield q == 1 ? (y - 1) + "-Q4" : y + "-Q" + (q - 1);
            }
            case "this quarter", "current quarter" -> y + "-Q" + ((published.getMonthValue() - 1) / 3 + 1);
            default -> null;
        };
    }

    /** Applies a relative shift ("-1Y", "-1M", "-1Q") to a base period. */
    String shift(String base, String shift) {
        if (base == null) {
            if (published == null) {
                return null;
            }
            return switch (shift) {
                case "-1M" -> relative("last month");
                case "-1Q" -> relative("last quarter");
                default -> String.valueOf(published.getYear() - 1);
            };
        }
        if (shift.equals("-1Y")) {
            return yearEarlier(base);
        }
        if (shift.equals("-1M") && base.length() == 7 && base.charAt(4) == '-' && Character.isDigit(base.charAt(5))) {
            LocalDate d = LocalDate.of(Integer.parseInt(base.substring(0, 4)), Integer.parseInt(base.substring(5)), 1)
                    .minusMonths(1);
            return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
        }
        if (shift.equals("-1Q") && base.length() == 7 && base.charAt(5) == 'Q') {
            int y = Integer.parseInt(base.substring(0, 4));
            int q = base.charAt(6) - '0';
            return q == 1 ? (y - 1) + "-Q4" : y + "-Q" + (q - 1);
        }
        return yearEarlier(base);
    }

    /** Shifts a period back by a year ("a year earlier" than 2019-10 is 2018-10). */
    static String yearEarlier(String period) {
        if (period == null || period.length() < 4) {
            return period;
        }
        try {
            int y = Integer.parseInt(period.substring(0, 4));
            String rest = period.substring(4);
            if (rest.length() == 6 && rest.charAt(0) == '-' && rest.charAt(3) == '-' && rest.endsWith("-29")
                    && rest.startsWith("-02")) {
                rest = "-02-28";
            }
            return String.format("%04d", y - 1) + rest;
        } catch (NumberFormatException e) {
            return period;
        }
    }
}
