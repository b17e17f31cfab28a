package io.newsmetrics.extractor.fact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordStartMatcherTest {
    private static final String[] VOCABULARY = {"last", "Last", "LAST", "this", "next", "previous", "prior", "past",
        "current", "a", "A", "the", "The", "year", "Year", "so", "far", "of", "earlier", "today", "Today",
        "yesterday", "on", "in", "at", "now", "Now", "currently", "month", "week", "quarter", "decade", "ago",
        "before", "preceding", "day", "close", "present", "recent", "early", "late", "morning", "trading", "trade",
        "after-hours", "premarket", "midday", "to", "date", "on", "Jan", "January", "Sept", "Sep", "September",
        "May", "March", "Dec.", "Monday", "Friday", "sales", "rose", "5%", "15", "2019", "_today", "todays",
        "xnow", "nowé", "éthe", "l\u0130st", "ſo", "5a", "year-on-year", "year-to-date", "co", "ltd"};
    private static final String[] GLUE = {" ", " ", " ", "  ", "\t", "\n", "-", ", ", ". ", "(", ")", "", "\u00A0"};

    @Test
    void findsWhatFindFindsInTheTimePatterns() {
        Random r = new Random(7);
        int matches = 0;
        for (int k = 0; k < 20000; k++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + r.nextInt(12);
            for (int w = 0; w < words; w++) {
                sb.append(VOCABULARY[r.nextInt(VOCABULARY.length)]).append(GLUE[r.nextInt(GLUE.length)]);
            }
            String s = sb.toString();
            matches += assertSame(PeriodResolver.RELATIVE, PeriodResolver.RELATIVE_AT_WORDS, s);
            matches += assertSame(PeriodResolver.MONTH_DATE, PeriodResolver.MONTH_DATE_AT_WORDS, s);
            matches += assertSame(PeriodResolver.WEEKDAY, PeriodResolver.WEEKDAY_AT_WORDS, s);
        }
        assertTrue(matches > 5000, "the random sentences hold too few matches to test: " + matches);
    }

    @Test
    void rejectsFirstWordsItCannotScanFor() {
        Pattern p = Pattern.compile("x");
        assertThrows(IllegalArgumentException.class, () -> new WordStartMatcher(p, Set.of("Last")));
        assertThrows(IllegalArgumentException.class, () -> new WordStartMatcher(p, Set.of("a-b")));
    }

    private static int assertSame(Pattern pattern, WordStartMatcher words, String s) {
        List<String> expected = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        while (m.find()) {
            expected.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        List<String> actual = new ArrayList<>();
        for (Matcher w = words.next(s, 0, null); w != null; w = words.next(s, w.end(), w)) {
            actual.add(w.start() + "-" + w.end() + ":" + w.group());
        }
        assertEquals(expected, actual, s);
        return expected.size();
    }
}
