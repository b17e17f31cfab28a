package io.newsmetrics.extractor.fact;

import io.newsmetrics.model.Article;
import io.newsmetrics.model.MetricEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile articles: extraction never throws, never hangs, and every event is well-formed. */
class MetricExtractorPropertiesTest {
    private static final MetricExtractor X = MetricExtractor.create();

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("Sales rose 5% to $3.2 billion in the third quarter.", "As of June,", "\n\n",
                        "China's", "down from 4.1% a year earlier", "(", ")", "Dec. 15", "Monday", "U.S.", ".",
                        "more than 30 million users", "between 10 and 15 percent", "the 777 program", "\u0000"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40));
        return pieces.list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.of(null, "", "2025-07-25", "2025-07-25T08:00:00Z", "not a date", "2025-02-30", "99999");
    }

    @Property(tries = 200)
    void neverThrowsAndEmitsWellFormedEvents(@ForAll("text") String body, @ForAll("text") String title,
                                             @ForAll("dates") String published) {
        Article a = Article.of("https://example.test/p", title, published, body);
        List<MetricEvent> events = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> X.extract(a));
        for (MetricEvent e : events) {
            assertNotNull(e.id());
            assertEquals(MetricEvent.keyOf(IndicatorNamer.ascii(e.subject()), e.indicator()), e.key());
            assertTrue(e.key().matches("[a-z0-9-]+/[a-z0-9]+(-[a-z0-9]+)*"), e.key());
            assertTrue(e.indicator().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.indicator());
            assertTrue(e.period() == null || e.period().matches("\\d{4}(-H[12]|-Q[1-4]|-\\d{2}(-\\d{2})?)?"),
                    e.period());
            assertTrue(e.evidence().start() >= 0 && e.evidence().start() < e.evidence().end(), e::toString);
        }
    }
}
