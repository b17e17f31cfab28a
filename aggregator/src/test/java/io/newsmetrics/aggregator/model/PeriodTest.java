package io.newsmetrics.aggregator.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {
    @Test
    void parsesEveryForm() {
        assertEquals(LocalDate.of(2024, 12, 31), Period.parse("2024").end());
        assertEquals(LocalDate.of(2024, 7, 1), Period.parse("2024-H2").start());
        assertEquals(LocalDate.of(2024, 9, 30), Period.parse("2024-q3").end());
        assertEquals("2024-Q3", Period.parse("2024-q3").text());
        assertEquals(LocalDate.of(2024, 2, 29), Period.parse("2024-02").end());
        assertEquals(LocalDate.of(2024, 2, 29), Period.parse("2024-02-29").start());
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[]{"FY2024", "2024-13", "2023-02-29", "2024-Q5", "2024-H3", "24", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Period.parse(bad), bad);
            assertNull(Period.parseOrNull(bad), bad);
        }
    }

    @Test
    void acceptsExactlyTheFiveFormsOfItsGrammar() {
        // the grammar as a regular expression (what parse implemented before it was written by hand) is the oracle
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile(
                "(\\d{4})(?:-(?:[Hh][12]|[Qq][1-4]|\\d{2}(?:-\\d{2})?))?");
        // slot by slot, each with right and wrong choices, so that near misses of every form are generated
        String[][] slots = {{"2024", "0999", "2O24", "202", " 2024"}, {"", "-", "/"}, {"", "H", "h", "Q", "q", "x", "0", "1"},
                {"", "1", "2", "3", "4", "5", "0", "2", "\u0664"}, {"", "-", "-0", "-2"}, {"", "9", "1", "31", "29"}, {"", " "}};
        java.util.Random random = new java.util.Random(11);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (String[] slot : slots) {
                b.append(slot[random.nextInt(slot.length)]);
            }
            String text = b.toString();
            Period p = Period.parseOrNull(text);
            if (!grammar.matcher(text.trim()).matches()) {
                assertNull(p, text);
                continue;
            }
            Period expected = referenceOrNull(text.trim());
            assertEquals(expected, p, text);
            accepted += p == null ? 0 : 1;
        }
        assertTrue(accepted > 500, "the generated inputs include many periods, got " + accepted);
    }

    /** Each form by java.time, from the text the grammar accepted. */
    private static Period referenceOrNull(String s) {
        try {
            int year = Integer.parseInt(s.substring(0, 4));
            if (s.length() == 4) {
                return new Period(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            char kind = Character.toUpperCase(s.charAt(5));
            if (kind == 'H' || kind == 'Q') {
                int n = s.charAt(6) - '0';
                int months = kind == 'H' ? 6 : 3;
                java.time.YearMonth last = java.time.YearMonth.of(year, n * months);
                return new Period(year + "-" + kind + n, last.minusMonths(months - 1).atDay(1), last.atEndOfMonth());
            }
            if (s.length() == 7) {
                java.time.YearMonth m = java.time.YearMonth.of(year, Integer.parseInt(s.substring(5)));
                return new Period(m.toString(), m.atDay(1), m.atEndOfMonth());
            }
            LocalDate d = LocalDate.parse(s);
            return new Period(d.toString(), d, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    @Test
    void ordersByEndThenByStart() {
        List<String> expected = List.of("2023-12-31", "2024", "2024-H2", "2024-Q4", "2024-12", "2024-12-31", "2025-01");
        List<Period> shuffled = new ArrayList<>();
        expected.forEach(t -> shuffled.add(Period.parse(t)));
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertEquals(expected, shuffled.stream().map(Period::text).toList());
    }

    @Test
    void sortKeyAgreesWithCompareTo() {
        String[] periods = {"2019", "2024-H1", "2024-Q2", "2024-06", "2024-06-30", "2024", "2025-01-01"};
        for (String a : periods) {
            for (String b : periods) {
                Period pa = Period.parse(a);
                Period pb = Period.parse(b);
                assertEquals(Integer.signum(pa.compareTo(pb)), Integer.signum(pa.sortKey().compareTo(pb.sortKey())),
                        a + " vs " + b);
            }
        }
        assertTrue(Period.parse("0001").sortKey().compareTo("!") > 0, "undated sorts below every date");
    }

    @Test
    void sortKeyIsEndThenStartAsZeroPaddedDays() {
        assertEquals("20241231-20241001", Period.parse("2024-Q4").sortKey());
        assertEquals("20240229-20240201", Period.parse("2024-02").sortKey());
        assertEquals("09871231-09870101", Period.parse("0987").sortKey());
        assertEquals("20250105-20250105", Period.parse("2025-01-05").sortKey());
    }
}
