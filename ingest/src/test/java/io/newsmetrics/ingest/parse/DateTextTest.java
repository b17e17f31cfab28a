package io.newsmetrics.ingest.parse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateTextTest {
    private final DateText dates = DateText.upTo(LocalDate.of(2021, 1, 1));

    @Test
    void keepsIsoDateTimesWithTheirOffset() {
        assertEquals(Optional.of("2019-11-20T08:15:00+01:00"), dates.parseValue("2019-11-20T08:15:00+0100"));
        assertEquals(Optional.of("2019-11-20T08:15:00Z"), dates.parseValue("2019-11-20T08:15:00.000Z"));
        assertEquals(Optional.of("2019-11-20T08:15:00"), dates.parseValue("2019-11-20 08:15"));
        assertEquals(Optional.of("2019-11-20"), dates.parseValue("2019-11-20"));
    }

    @Test
    void readsEpochSecondsAndMillis() {
        assertEquals(Optional.of("2019-11-20"), dates.parseValue("1574237700"));
        assertEquals(Optional.of("2019-11-20"), dates.parseValue("1574237700000"));
    }

    @Test
    void readsMonthNamesInSeveralLanguages() {
        LocalDate want = LocalDate.of(2019, 11, 20);
        for (String s : new String[]{"November 20, 2019", "Nov. 20, 2019", "20 November 2019", "20th Nov 2019",
                "20. November 2019", "20 de noviembre de 2019", "20 novembre 2019", "20 ноября 2019",
                "20 listopada 2019", "Wed, 20 Nov 2019 10:00:00 GMT"}) {
            assertEquals(Optional.of(want), dates.find(s), s);
        }
    }

    @Test
    void readsNonAsciiDigitsAndArabicMonthNames() {
        assertEquals(Optional.of(LocalDate.of(2020, 12, 25)), dates.find("٢٥ ديسمبر ٢٠٢٠"));
        assertEquals(Optional.of("2020-06-22"), dates.parseValue("۲۰۲۰-۰۶-۲۲"));
    }

    @Test
    void readsEpochTimeStampsAsUtcInstants() {
        assertEquals(Optional.of("2020-07-11T06:25:02Z"), dates.parseEpoch("1594448702"));
        assertEquals(Optional.of("2020-07-11T06:25:02Z"), dates.parseEpoch(" 1594448702000 "));
        assertEquals(Optional.empty(), dates.parseEpoch("1641013200"), "2022-01-01 is after the latest day");
        assertEquals(Optional.empty(), dates.parseEpoch("2020-07-11"));
        assertEquals(Optional.empty(), dates.parseEpoch("15944487"));
        assertEquals(Optional.empty(), dates.parseEpoch(""));
        assertEquals(Optional.empty(), dates.parseEpoch(null));
    }

    @Test
    void findsTheLatestDateForBylineAreas() {
        assertEquals(Optional.of(LocalDate.of(2020, 1, 18)),
                dates.findLatest("Photo taken January 16, 2020. Reuters. January 18, 2020"));
    }

    @Test
    void readsCjkDates() {
        assertEquals(Optional.of(LocalDate.of(2020, 4, 17)), dates.find("2020年4月17日 01:43"));
        assertEquals(Optional.of(LocalDate.of(2020, 3, 4)), dates.find("2020년 3월 4일"));
    }

    @Test
    void readsNumericDatesDayFirstUnlessImpossible() {
        assertEquals(Optional.of(LocalDate.of(2019, 11, 20)), dates.find("20.11.2019"));
        assertEquals(Optional.of(LocalDate.of(2019, 11, 5)), dates.find("05/11/2019 - 04:30"));
        assertEquals(Optional.of(LocalDate.of(2019, 11, 20)), dates.find("11/20/2019"));
        assertEquals(Optional.of(LocalDate.of(2019, 11, 20)), dates.find("2019/11/20"));
    }

    @Test
    void takesTheFirstDateOfTheText() {
        assertEquals(Optional.of(LocalDate.of(2019, 11, 20)),
                dates.find("Posted 20 November 2019, edited 2019-11-22"));
    }

    @Test
    void rejectsFutureDatesAndDatesBefore1995() {
        assertEquals(Optional.empty(), dates.parseValue("2021-01-02"));
        assertEquals(Optional.of("2021-01-01"), dates.parseValue("2021-01-01"));
        assertEquals(Optional.empty(), dates.parseValue("1994-12-31"));
        assertEquals(Optional.empty(), dates.find("on March 3, 2030"));
    }

    @Test
    void followsTheClockForTomorrow() {
        java.time.Instant now = java.time.Instant.parse("2024-02-28T23:00:00Z");
        DateText clocked = DateText.relativeTo(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertEquals(LocalDate.of(2024, 2, 29), clocked.latest());
        assertEquals(Optional.of("2024-02-29"), clocked.parseValue("2024-02-29"));
        assertEquals(Optional.empty(), clocked.parseValue("2024-03-01"));
    }

    @Test
    void ignoresTextWithoutDates() {
        assertEquals(Optional.empty(), dates.find("Scores rose 20 points in 2019 to 1,574"));
        assertEquals(Optional.empty(), dates.parseValue(""));
        assertEquals(Optional.empty(), dates.parseValue(null));
    }

    @Test
    void findsFullDatesInUrlPaths() {
        assertEquals(Optional.of(LocalDate.of(2019, 11, 20)), dates.fromUrl("https://x.com/2019/11/20/slug.html"));
        assertEquals(Optional.of(LocalDate.of(2020, 6, 24)), dates.fromUrl("https://x.com/2020/6/24/21302329/slug"));
        assertEquals(Optional.of(LocalDate.of(2020, 9, 24)), dates.fromUrl("https://x.com/news/20200924/slug"));
        assertEquals(Optional.of(LocalDate.of(2020, 12, 24)), dates.fromUrl("https://x.com/article/2020-12-24/x"));
    }

    @Test
    void ignoresUrlsWithoutAFullDate() {
        assertEquals(Optional.empty(), dates.fromUrl("https://x.com/2019/11/slug.html"));
        assertEquals(Optional.empty(), dates.fromUrl("https://x.com/article/1574237700"));
        assertEquals(Optional.empty(), dates.fromUrl("https://x.com/2030/01/01/future"));
    }
}
