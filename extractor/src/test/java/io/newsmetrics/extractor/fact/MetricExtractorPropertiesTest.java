package io.newsmetrics.extractor.fact;

import io.newsmetrics.model.Article;
import io.newsmetrics.model.MetricEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile articles: extraction never throws, never hangs, and every event is well-formed.
 * Seeded generators (each try names its seed) keep failures reproducible.
 */
class MetricExtractorPropertiesTest {
    /** Catches a hang (e.g. catastrophic backtracking), not slowness: CI machines may be heavily loaded. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final MetricExtractor X = MetricExtractor.create();
    private static final List<String> PHRASES = List.of("Sales rose 5% to $3.2 billion in the third quarter.",
            "As of June,", "\n\n", "China's", "down from 4.1% a year earlier", "(", ")", "Dec. 15", "Monday", "U.S.",
            ".", "more than 30 million users", "between 10 and 15 percent", "the 777 program", "\u0000");
    private static final List<String> DATES = Arrays.asList(null, "", "2025-07-25", "2025-07-25T08:00:00Z",
            "not a date", "2025-02-30", "99999");

    static String text(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(41);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                out.append(' ');
            }
            switch (random.nextInt(3)) {
                case 0 -> random.ints(random.nextInt(31), 0, 0x2FFFF)
                        .filter(Character::isValidCodePoint).forEach(out::appendCodePoint);
                case 1 -> out.append(PHRASES.get(random.nextInt(PHRASES.size())));
                default -> random.ints(1 + random.nextInt(40), 0, 10).forEach(out::append);
            }
        }
        return out.toString();
    }

    @Test
    void neverThrowsAndEmitsWellFormedEvents() {
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Article a = Article.of("https://example.test/p", text(random), DATES.get(random.nextInt(DATES.size())),
                    text(random));
            String context = "seed " + seed;
            List<MetricEvent> events = assertTimeoutPreemptively(HANG_GUARD, () -> X.extract(a), context);
            for (MetricEvent e : events) {
                assertNotNull(e.id(), context);
                assertEquals(MetricEvent.keyOf(e.subject(), e.indicator()), e.key(), context);
                assertTrue(e.key().matches("[a-z0-9-]+/[a-z0-9]+(-[a-z0-9]+)*"), context + ": " + e.key());
                assertTrue(e.indicator().matches("[a-z0-9]+(-[a-z0-9]+)*"), context + ": " + e.indicator());
                assertTrue(e.period() == null || e.period().matches("\\d{4}(-H[12]|-Q[1-4]|-\\d{2}(-\\d{2})?)?"),
                        context + ": " + e.period());
                assertTrue(e.evidence().start() >= 0 && e.evidence().start() < e.evidence().end(), context + ": " + e);
            }
        }
    }
}
