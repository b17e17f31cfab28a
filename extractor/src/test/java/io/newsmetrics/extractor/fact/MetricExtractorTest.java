package io.newsmetrics.extractor.fact;

import io.newsmetrics.model.Article;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricExtractorTest {
    private static final MetricExtractor X = MetricExtractor.create();

    private static final String BODY = "As of May, Freedonia's mobile subscriber base had reached 52.4 million, "
            + "with a smartphone penetration rate of 61.2 percent.\n\n"
            + "The national carrier's revenue rose 8 percent in the first quarter of 2024, the regulator said. "
            + "Its market exceeded 90 billion yuan ($12.4 billion) in 2023.\n\n"
            + "Exports fell 3.5% last month, down from 4.1% a year earlier.";

    private static List<MetricEvent> extract(String title, String text) {
        return X.extract(Article.of("https://example.test/a", title, "2024-06-20", text));
    }

    private static MetricEvent find(List<MetricEvent> es, double value) {
        return es.stream().filter(e -> e.value() != null && Math.abs(e.value() - value) < 1e-6).findFirst()
                .orElseThrow(() -> new AssertionError("no event with value " + value + " in " + es));
    }

    @Test
    void namesIndicatorSubjectAndUnit() {
        MetricEvent e = find(extract(null, BODY), 52.4e6);
        assertEquals("count", e.unit());
        assertEquals("Freedonia", e.subject());
        assertTrue(e.label().contains("mobile subscriber base"), e.label());
        assertEquals(MetricEvent.keyOf(e.subject(), e.indicator()), e.key());
        assertEquals(MetricEvent.SCHEMA_VERSION, e.schemaVersion());
    }

    @Test
    void resolvesPeriodsAgainstThePublicationDate() {
        List<MetricEvent> es = extract(null, BODY);
        assertEquals("2024-05", find(es, 52.4e6).period());
        assertEquals("2024-05", find(es, 61.2).period());
        assertEquals("2024-Q1", find(es, 8).period());
        assertEquals("2023", find(es, 9e10).period());
        assertEquals("2024-05", find(es, 3.5).period());
        assertEquals("2023-05", find(es, 4.1).period());
    }

    @Test
    void readsQualifierChangeAndAlternative() {
        List<MetricEvent> es = extract(null, BODY);
        MetricEvent market = find(es, 9e10);
        assertEquals(Qualifier.MORE_THAN, market.qualifier());
        assertEquals("CNY", market.unit());
        assertEquals(List.of(new MetricEvent.Amount(12.4e9, "USD")), market.alternatives());
        assertEquals(Change.UP, find(es, 8).change());
        assertEquals(Change.DOWN, find(es, 3.5).change());
        assertEquals(null, find(es, 4.1).change());
        assertTrue(es.stream().noneMatch(e -> e.value() == 12.4e9), "the bracketed dollars are no fact of their own");
    }

    @Test
    void evidencePointsAtTheFigureInTheText() {
        for (MetricEvent e : extract(null, BODY)) {
            String figure = BODY.substring(e.evidence().start(), e.evidence().end());
            assertTrue(e.evidence().sentence().contains(figure), figure + " in " + e.evidence().sentence());
        }
    }

    @Test
    void aTitleRestatingABodyFigureAddsNoEvent() {
        List<MetricEvent> withTitle = extract("Freedonia's market tops 90 billion yuan", BODY);
        assertEquals(extract(null, BODY).size(), withTitle.size());
    }

    @Test
    void idsAreDeterministic() {
        assertEquals(extract(null, BODY).stream().map(MetricEvent::id).toList(),
                extract(null, BODY).stream().map(MetricEvent::id).toList());
    }

    @Test
    void skipsDurationsAndAges() {
        List<MetricEvent> es = extract(null, "Users aged 60 waited 20 days for the 5 million new cards.");
        assertEquals(1, es.size());
        assertNotNull(find(es, 5e6));
    }

    @Test
    void rejectsNullArticle() {
        assertThrows(NullPointerException.class, () -> X.extract(null));
    }

    @Test
    void classifiesCharsAsTheCharacterTablesDo() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(Character.isWhitespace(c) || Character.isSpaceChar(c), MetricExtractor.isSpace(c),
                    "space U+" + Integer.toHexString(i));
            assertEquals(Character.isLetterOrDigit(c), MetricExtractor.isLetterOrDigit(c),
                    "letter or digit U+" + Integer.toHexString(i));
        }
    }
}
