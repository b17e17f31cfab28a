package io.newsmetrics.ingest.parse;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates written the ways news pages write them: ISO 8601 and its relatives, numeric
 * day-month-year forms, month names in several European languages, the CJK year-month-day form
 * and epoch seconds. Results are checked to lie between {@link #MIN_YEAR} and a reference day.
 *
 * <p>Immutable and thread-safe; one instance carries the reference day ("now") so that tests can
 * pin it.
 */
public final class DateText {
    /** Dates before this year are not taken for publication dates of web pages. */
    public static final int MIN_YEAR = 1995;

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)");
    private static final Pattern YMD_SEP = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");
    private static final Pattern YMD_COMPACT = Pattern.compile("(?<![\\d-])((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?![\\d-])");
    private static final Pattern DMY = Pattern.compile("(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d{2})(?![\\d.])");
    private static final Pattern CJK = Pattern.compile("((?:19|20)\\d{2})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?");
    private static final Pattern EPOCH = Pattern.compile("^\\s*(1\\d{9})(\\d{3})?\\s*$");
    private static final String WORD = "([\\p{L}]{3,}\\.?)";
    /** "20 November 2019", "20. November 2019", "20 de noviembre de 2019", "20 nov. 2019". */
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:de\\s+|of\\s+)?" + WORD + "\\s*(?:de\\s+|,\\s*)?((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "November 20, 2019", "Nov. 20 2019". */
    private static final Pattern MONTH_D_Y = Pattern.compile(
            WORD + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, Integer> MONTHS = months();

    /** The fixed latest day, or null when it follows the clock. */
    private final LocalDate fixedLatest;
    private final Clock clock;

    private DateText(LocalDate fixedLatest, Clock clock) {
        this.fixedLatest = fixedLatest;
        this.clock = clock;
    }

    /**
     * Dates up to tomorrow (UTC) are accepted; later ones are taken for errors or ads. "Tomorrow"
     * is read from the clock at each check, so a long-running service keeps accepting new days.
     */
    public static DateText relativeToNow() {
        return relativeTo(Clock.systemUTC());
    }

    /** Dates up to the day after the clock's today (UTC) are accepted. */
    public static DateText relativeTo(Clock clock) {
        return new DateText(null, Objects.requireNonNull(clock, "clock"));
    }

    /** Dates up to and including {@code latest} are accepted. */
    public static DateText upTo(LocalDate latest) {
        return new DateText(Objects.requireNonNull(latest, "latest"), null);
    }

    /** The latest day accepted now. */
    public LocalDate latest() {
        return fixedLatest != null ? fixedLatest : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
    }

    /**
     * Reads a machine-oriented value such as a meta tag's content or a {@code datetime}
     * attribute: ISO forms (kept as date-time when a time is given), epoch seconds, or else any
     * form {@link #find} knows.
     *
     * @return an ISO date or date-time, or empty when the value holds no plausible date
     */
    public Optional<String> parseValue(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() > 200) {
            v = v.substring(0, 200);
        }
        v = asciiDigits(v);
        Matcher epoch = EPOCH.matcher(v);
        if (epoch.matches()) {
            LocalDate d = Instant.ofEpochSecond(Long.parseLong(epoch.group(1))).atOffset(ZoneOffset.UTC).toLocalDate();
            return plausible(d) ? Optional.of(d.toString()) : Optional.empty();
        }
        Matcher iso = ISO.matcher(v);
        if (iso.find() && iso.start() < 12) {
            LocalDate d = date(iso.group(1), iso.group(2), iso.group(3));
            if (d != null && plausible(d)) {
                return Optional.of(isoDateTime(d, iso).orElse(d.toString()));
            }
        }
        return find(v).map(LocalDate::toString);
    }

    /**
     * Reads epoch seconds or milliseconds ({@code data-time="1594448702"}) as the instant they name,
     * written in UTC: such values are exact, unlike the text beside them, which is rendered in
     * whatever zone the server or viewer used.
     *
     * @return an ISO date-time in UTC ({@code 2020-07-11T06:25:02Z}), or empty when the value is no
     *         plausible epoch time
     */
    public Optional<String> parseEpoch(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher epoch = EPOCH.matcher(value);
        if (!epoch.matches()) {
            return Optional.empty();
        }
        OffsetDateTime t = Instant.ofEpochSecond(Long.parseLong(epoch.group(1))).atOffset(ZoneOffset.UTC);
        return plausible(t.toLocalDate()) ? Optional.of(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                : Optional.empty();
    }

    /**
     * Finds the first plausible date written in free text ("Published November 20, 2019",
     * "20.11.2019", "2019年11月20日").
     */
    public Optional<LocalDate> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = asciiDigits(text.length() > 2_000 ? text.substring(0, 2_000) : text);
        LocalDate best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Candidate c : candidates(t)) {
            if (c.date != null && plausible(c.date) && c.at < bestAt) {
                best = c.date;
                bestAt = c.at;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Finds the latest plausible date written in free text: in a byline area, captions and
     * references name earlier days than the publication.
     */
    public Optional<LocalDate> findLatest(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = asciiDigits(text.length() > 2_000 ? text.substring(0, 2_000) : text);
        LocalDate best = null;
        for (Candidate c : candidates(t)) {
            if (c.date != null && plausible(c.date) && (best == null || c.date.isAfter(best))) {
                best = c.date;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Finds a date in a URL path: {@code /2019/11/20/}, {@code /2019-11-20/}, {@code /20191120/}. */
    public Optional<LocalDate> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = URL_YMD.matcher(url);
        while (m.find()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            if (d != null && plausible(d)) {
                return Optional.of(d);
            }
        }
        Matcher c = URL_COMPACT.matcher(url);
        while (c.find()) {
            LocalDate d = date(c.group(1), c.group(2), c.group(3));
            if (d != null && plausible(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static final Pattern URL_YMD = Pattern.compile(
            "[/_-]((?:19|20)\\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    private static final Pattern URL_COMPACT = Pattern.compile(
            "[/_-]((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");

    /** Arabic-Indic, Persian, Devanagari and other decimal digits as ASCII digits. */
    static String asciiDigits(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether a date lies in the accepted window. */
    public boolean plausible(LocalDate d) {
        return d.getYear() >= MIN_YEAR && !d.isAfter(latest());
    }

    private record Candidate(LocalDate date, int at) {
    }

    /** Every date written in the text, with its position. */
    private static java.util.List<Candidate> candidates(String t) {
        java.util.List<Candidate> out = new java.util.ArrayList<>();
        for (Pattern p : new Pattern[]{ISO, YMD_SEP, CJK, YMD_COMPACT}) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                out.add(new Candidate(date(m.group(1), m.group(2), m.group(3)), m.start()));
            }
        }
        Matcher m = DMY.matcher(t);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            // Day first ("20.11.2019", "20/11/2019") unless only the US order can be right ("11/20/2019").
            LocalDate d = "/".equals(m.group(2)) && a <= 12 && b > 12
                    ? date(m.group(4), m.group(1), m.group(3))
                    : date(m.group(4), m.group(3), m.group(1));
            out.add(new Candidate(d, m.start()));
        }
        m = D_MONTH_Y.matcher(t);
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                out.add(new Candidate(date(m.group(3), month.toString(), m.group(1)), m.start()));
            }
        }
        m = MONTH_D_Y.matcher(t);
        while (m.find()) {
            Integer month = month(m.group(1));
            if (month != null) {
                out.add(new Candidate(date(m.group(3), month.toString(), m.group(2)), m.start()));
            }
        }
        return out;
    }

    private static Optional<String> isoDateTime(LocalDate d, Matcher iso) {
        if (iso.group(4) == null) {
            return Optional.empty();
        }
        try {
            LocalDateTime ldt = d.atTime(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
            String zone = iso.group(7);
            if (zone == null) {
                return Optional.of(ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            }
            String z = zone.equals("Z") ? "Z" : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return Optional.of(OffsetDateTime.of(ldt, ZoneOffset.of(z)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        Integer m = MONTHS.get(w);
        // Inflected and unlisted forms (Russian "ноября", Polish "listopada", Spanish "noviembre")
        // share their first letters with a listed stem.
        if (m == null && w.length() > 4) {
            m = MONTHS.get(w.substring(0, 4));
        }
        if (m == null && w.length() > 3) {
            m = MONTHS.get(w.substring(0, 3));
        }
        return m;
    }

    private static Map<String, Integer> months() {
        String[][] names = {
                // en, de, fr, es, pt, it, nl, ru (stems), pl (stems), tr, id, sv/da/no
                // Arabic (Egypt/Gulf and Levant names) come last in each row.
                {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "janu", "янва", "styc", "січн", "ledn", "ocak", "januar", "tammikuu", "يناير"},
                {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "fevereiro", "fev", "fév", "febbraio", "februari", "febr", "февр", "luty", "lute", "люто", "únor", "unor", "şubat", "subat", "فبراير", "شباط"},
                {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "март", "марта", "marz", "mart", "maret", "marc", "márc", "бере", "břez", "مارس", "آذار"},
                {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апре", "kwie", "nisan", "квіт", "dubn", "ápri", "أبريل", "ابريل", "نيسان"},
                {"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "мая", "май", "maj", "maja", "mayıs", "mayis", "трав", "květ", "máju", "مايو", "أيار"},
                {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "июня", "июнь", "czer", "haziran", "черв", "červen", "júni", "يونيو", "يونيه", "حزيران"},
                {"july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "июля", "июль", "lipi", "lipc", "temmuz", "липн", "červenec", "července", "júli", "يوليو", "يوليه", "تموز"},
                {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "авгу", "sier", "ağustos", "agustus", "agu", "серп", "srpn", "أغسطس", "اغسطس", "آب"},
                {"september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre", "сент", "wrze", "eylül", "eylul", "вере", "září", "zari", "szep", "سبتمبر", "أيلول"},
                {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "октя", "paźd", "pazd", "ekim", "жовт", "říjn", "rijn", "októ", "أكتوبر", "اكتوبر"},
                {"november", "nov", "novembre", "noviembre", "novembro", "ноя", "нояб", "listo", "list", "kasım", "kasim", "nop", "лист", "نوفمبر"},
                {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dicembre", "дека", "grud", "aralık", "aralik", "des", "desember", "груд", "pros", "ديسمبر"},
        };
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                map.putIfAbsent(n, i + 1);
            }
        }
        return Map.copyOf(map);
    }
}
