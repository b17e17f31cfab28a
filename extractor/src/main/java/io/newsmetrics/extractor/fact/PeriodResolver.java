package io.newsmetrics.extractor.fact;

import io.newsmetrics.extractor.quantity.WordMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    record Expression(int start, int end, String period, boolean comparison, boolean relative, boolean stamp) {
    }

    // Each pattern begins with a lookahead for the first letters its matches can begin with: it changes no match,
    // but spares the word-boundary and alternation tests at every other position of the sentence.
    private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    static final Pattern MONTH_DATE = Pattern.compile("(?=[JFMASOND])\\b" + MONTH + "\\b\\.?(?:\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b)?"
            + "(?:,?\\s{1,3}((?:19|20)\\d{2})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?=[0-9])\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s)?" + MONTH
            + "\\b(?:,?\\s{1,3}((?:19|20)\\d{2})\\b)?");
    private static final Pattern QUARTER = Pattern.compile("(?i)(?=[fst1-4q])(?:\\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]quarter"
            + "(?:\\s(?:of\\s)?(?:fiscal\\s)?((?:19|20)\\d{2}))?|\\bQ([1-4])(?:\\s?(?:FY)?((?:19|20)?\\d{2}))?\\b)");
    private static final Pattern HALF = Pattern.compile("(?i)(?=[fs12h])(?:\\b(first|second|1st|2nd)[-\\s]half(?:\\s(?:of\\s)?((?:19|20)\\d{2}))?"
            + "|\\bH([12])(?:\\s?((?:19|20)\\d{2}))?\\b)");
    static final Pattern RELATIVE = Pattern.compile("(?i)(?=[acelinopsty])(?:\\b(last|this|next|previous|prior|past|current)\\s(month|year|week|quarter)\\b"
            + "|\\b(a\\syear\\s(?:earlier|ago|before)|the\\s(?:previous|prior|preceding)\\syear|year[-\\s]on[-\\s]year"
            + "|year[-\\s]to[-\\s]date|so\\sfar\\sthis\\syear|of\\sthe\\syear|earlier\\sthis\\s(?:week|month|year)"
            + "|today|yesterday|on\\sthe\\sday|in\\s(?:recent|early|late|morning|afternoon|midday|premarket|after-hours)\\strad(?:ing|e)"
            + "|next\\sdecade|at\\sthe\\sclose|now|currently|at\\spresent|a\\smonth\\s(?:earlier|ago|before)|a\\squarter\\s(?:earlier|ago|before))\\b)");
    /** The words RELATIVE's phrases begin with: it is tried at those alone. */
    private static final List<String> PERIOD_WORDS = List.of("month", "year", "week", "quarter");
    static final WordStartMatcher RELATIVE_AT_WORDS = new WordStartMatcher(RELATIVE, Set.of("last", "this",
            "next", "previous", "prior", "past", "current", "a", "the", "year", "so", "of", "earlier", "today",
            "yesterday", "on", "in", "at", "now", "currently"), Map.ofEntries(
            Map.entry("last", PERIOD_WORDS), Map.entry("this", PERIOD_WORDS),
            Map.entry("next", List.of("month", "year", "week", "quarter", "decade")),
            Map.entry("previous", PERIOD_WORDS), Map.entry("prior", PERIOD_WORDS), Map.entry("past", PERIOD_WORDS),
            Map.entry("current", PERIOD_WORDS), Map.entry("a", List.of("year", "month", "quarter")),
            Map.entry("the", List.of("previous", "prior", "preceding")), Map.entry("so", List.of("far")),
            Map.entry("of", List.of("the")), Map.entry("year", List.of("on", "to")), Map.entry("earlier", List.of("this")), Map.entry("on", List.of("the")),
            Map.entry("in", List.of("recent", "early", "late", "morning", "afternoon", "midday", "premarket",
                    "after-hours")),
            Map.entry("at", List.of("the", "present"))));
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final Pattern WEEKDAY = Pattern.compile("(?=[MTWFS])\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");

    /** MONTH_DATE and WEEKDAY begin with a month or weekday name: they are tried at those words alone. */
    static final WordStartMatcher MONTH_DATE_AT_WORDS = new WordStartMatcher(MONTH_DATE, Set.of("jan",
            "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
            "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"));
    static final WordStartMatcher WEEKDAY_AT_WORDS = new WordStartMatcher(WEEKDAY, Set.of("monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final WordMap<Integer> MONTH_MAP = WordMap.of(MONTHS);

    private final LocalDate published;

    private PeriodResolver(LocalDate published) {
        this.published = published;
    }

    /** A resolver for an article published on {@code publishedAt} (ISO date or date-time; null when unknown). */
    static PeriodResolver of(String publishedAt) {
        LocalDate d = null;
        if (publishedAt != null && publishedAt.length() >= 10) {
            d = isoDate(publishedAt);
        }
        return new PeriodResolver(d);
    }

    /**
     * The date of the first ten characters of {@code s} read as {@code YYYY-MM-DD}, or null: the dates
     * {@link LocalDate#parse} accepts from ten characters, read without its general-purpose parser, which cost
     * more than the rest of a short article's period resolution.
     */
    static LocalDate isoDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // "2019-02-30": no such day
        }
    }

    /** The value of the ASCII digits [from, to) of {@code s}, or -1 when another character is among them. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code String.format("%04d-%02d", year, month)} without a Formatter. */
    static String yearMonth(int year, int month) {
        return year4(year) + "-" + (month < 10 ? "0" : "") + month;
    }

    /** {@code String.format("%04d", year)} without a Formatter. */
    static String year4(int year) {
        if (year < 0 || year > 9999) {
            return String.format("%04d", year);
        }
        String y = Integer.toString(year);
        return "0000".substring(y.length()) + y;
    }

    LocalDate published() {
        return published;
    }

    /** All time expressions of a sentence, in order, overlaps removed (the earlier, longer one wins). */
    List<Expression> find(String s) {
        List<Expression> out = new ArrayList<>();
        // cheap substring tests first: most sentences hold no time expression of a given kind
        boolean months = hasAny(s, MONTH_HINTS);
        // a matcher is made only for a sentence that passes its pattern's test
        Matcher m = months ? MONTH_DATE_AT_WORDS.next(s, 0, null) : null;
        for (; m != null; m = MONTH_DATE_AT_WORDS.next(s, m.end(), m)) {
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
        m = months ? DAY_MONTH.matcher(s) : null;
        while (m != null && m.find()) {
            String p = monthPeriod(month(m.group(2)), m.group(1), m.group(3));
            if (p != null) {
                add(out, s, m.start(), m.end(), p, false);
            }
        }
        m = s.indexOf("uarter") >= 0 || hasQuarterCode(s) ? QUARTER.matcher(s) : null;
        while (m != null && m.find()) {
            int q = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
            String y = m.group(1) != null ? m.group(2) : m.group(4);
            add(out, s, m.start(), m.end(), quarterPeriod(q, y), false);
        }
        m = s.indexOf("alf") >= 0 || s.indexOf("H1") >= 0 || s.indexOf("H2") >= 0 ? HALF.matcher(s) : null;
        while (m != null && m.find()) {
            int h = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
            String y = m.group(1) != null ? m.group(2) : m.group(4);
            Integer year = y != null ? Integer.valueOf(y) : published == null ? null
                    : (h == 2 && published.getMonthValue() <= 6 ? published.getYear() - 1 : published.getYear());
            if (year != null) {
                add(out, s, m.start(), m.end(), year + "-H" + h, false);
            }
        }
        years(s, out);
        // the hints are matched with their case: a sentence in capitals gets no relative time (kept as it was);
        // they are tested only once a match is found, as few sentences hold one
        m = RELATIVE_AT_WORDS.next(s, 0, null);
        if (m != null && !hasAny(s, RELATIVE_HINTS)) {
            m = null;
        }
        for (; m != null; m = RELATIVE_AT_WORDS.next(s, m.end(), m)) {
            String p = relative(WHITESPACE.matcher(m.group().toLowerCase(Locale.ROOT).replace('-', ' ')).replaceAll(" "));
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
        m = published != null && s.indexOf("day") >= 0 ? WEEKDAY_AT_WORDS.next(s, 0, null) : null;
        for (; m != null; m = WEEKDAY_AT_WORDS.next(s, m.end(), m)) {
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

    /**
     * Four-digit years 1900-2099 standing alone: not part of a longer number, an amount ("$2019"), a decimal,
     * a range or date ("2019-20", "2019/20"), a percentage or a decade ("1990s").
     */
    private void years(String s, List<Expression> out) {
        int n = s.length();
        // the scan jumps from one "19" or "20" to the next: String.indexOf reads the chars between far faster
        for (int i = nextCentury(s, 0); i >= 0 && i + 4 <= n; i = nextCentury(s, i + 1)) {
            if (!Character.isDigit(s.charAt(i + 2)) || !Character.isDigit(s.charAt(i + 3))) {
                continue;
            }
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            if (Character.isLetterOrDigit(before) || "$£€.,/-".indexOf(before) >= 0) {
                continue;
            }
            char after = i + 4 < n ? s.charAt(i + 4) : ' ';
            char after2 = i + 5 < n ? s.charAt(i + 5) : ' ';
            if (Character.isDigit(after) || after == '%' || after == '/' && Character.isDigit(after2)
                    || after == '-' && Character.isDigit(after2) || after == '.' && Character.isDigit(after2)
                    || after == ',' && Character.isDigit(after2)
                    || (after == 's' && !Character.isLetterOrDigit(after2))
                    || Character.isLetter(after) && after != 's') {
                continue;
            }
            add(out, s, i, i + 4, s.substring(i, i + 4), false);
            i += 3;
        }
    }

    /** The first position at or after {@code from} where "19" or "20" begins, or -1. */
    private static int nextCentury(String s, int from) {
        int a = s.indexOf("19", from);
        int b = s.indexOf("20", from);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static final String[] MONTH_HINTS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private static final String[] RELATIVE_HINTS = {"last", "Last", "this", "This", "next", "Next", "revious",
        "prior", "Prior", "past", "Past", "current", "Current", "year", "Year", "today", "Today", "yesterday",
        "Yesterday", "the day", "trading", "trade", "decade", "close", "now", "Now", "present", "month", "quarter"};

    private static boolean hasQuarterCode(String s) {
        for (int i = s.indexOf('Q'); i >= 0 && i + 1 < s.length(); i = s.indexOf('Q', i + 1)) {
            char c = s.charAt(i + 1);
            if (c >= '1' && c <= '4') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(String s, String[] hints) {
        for (String h : hints) {
            if (s.indexOf(h) >= 0) {
                return true;
            }
        }
        return false;
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
        out.add(new Expression(start, end, period, comparison(s, start), relative, stamp(s, start)));
    }

    /** "as of June": a point-in-time stamp for its own sentence, which later sentences do not inherit. */
    private static boolean stamp(String s, int start) {
        // in place of s.substring(start - 6, start).toLowerCase(Locale.ROOT).endsWith("as of "): a character
        // lowercases to one of these ASCII ones only through Character.toLowerCase, and no shorter text can match
        if (start < AS_OF.length()) {
            return false;
        }
        for (int i = 0; i < AS_OF.length(); i++) {
            if (Character.toLowerCase(s.charAt(start - AS_OF.length() + i)) != AS_OF.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final String AS_OF = "as of ";

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
        Integer m = MONTH_MAP.get(name, 0, 3, true); // name.substring(0, 3).toLowerCase(Locale.ROOT), in place
        return m == null ? 0 : m;
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
            return yearMonth(y, month);
        }
        LocalDate date = safeDate(y, month, d);
        return date == null ? yearMonth(y, month) : date.toString();
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
            case "last month", "previous month", "past month" -> yearMonth(lastMonth.getYear(), lastMonth.getMonthValue());
            case "this month", "current month", "earlier this month", "this week", "earlier this week", "last week",
                 "past week" -> yearMonth(y, published.getMonthValue());
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
            return yearMonth(d.getYear(), d.getMonthValue());
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
            return year4(y - 1) + rest;
        } catch (NumberFormatException e) {
            return period;
        }
    }
}
