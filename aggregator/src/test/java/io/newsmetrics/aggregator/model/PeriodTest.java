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
