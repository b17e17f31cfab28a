package io.newsmetrics.launcher.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateScoreTest {

    @Test
    void countsWrongDatesAsFalsePositivesAndMissingOnesAsFalseNegatives() {
        DateScore score = new DateScore();
        score.add("2019-11-20", "2019-11-20T08:00:00Z"); // tp: only the date part counts
        score.add("2019-11-20", "2019-11-19");           // fp
        score.add("2019-11-20", null);                   // fn
        score.add(null, null);                           // tn
        score.add(null, "2020-01-01");                   // fp
        assertEquals(5, score.pages());
        assertEquals(1.0 / 3, score.precision(), 1e-9);
        assertEquals(0.5, score.recall(), 1e-9);
    }
}
