package io.newsmetrics.launcher.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShingleScoreTest {

    @Test
    void tokenizesOnLettersDigitsAndUnderscoreAcrossScripts() {
        assertEquals(List.of("It", "s", "1", "123", "snake_case", "中文", "ß"),
                ShingleScore.tokens("It's 1,123 — snake_case 中文 ß!"));
    }

    @Test
    void scoresAPerfectPageAsOne() {
        ShingleScore score = new ShingleScore();
        score.add("one two three four five", "one two three four five");
        assertEquals(1.0, score.f1(), 1e-9);
        assertEquals(1.0, score.accuracy(), 1e-9);
    }

    @Test
    void scoresExtraBoilerplateAsLostPrecisionOnly() {
        ShingleScore score = new ShingleScore();
        // truth has 2 shingles; prediction has those 2 plus 2 more made with the extra word "menu"
        score.add("a b c d e", "menu a b c d e");
        // tp = 2, fp = 1 ("menu a b c") -> precision 2/3, recall 1
        assertEquals(2.0 / 3, score.precision(), 1e-9);
        assertEquals(1.0, score.recall(), 1e-9);
    }

    @Test
    void averagesOverPagesAndCountsAnEmptyPredictionAsZeroRecall() {
        ShingleScore score = new ShingleScore();
        score.add("a b c d e", "a b c d e");
        score.add("f g h i j", "");
        assertEquals(1.0, score.precision(), 1e-9, "the empty page has no predicted shingle: it is left out of precision");
        assertEquals(0.5, score.recall(), 1e-9);
    }
}
