package io.newsmetrics.extractor.quantity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random and hostile text: the recogniser never throws, never hangs, and its offsets always hold. */
class QuantityRecognizerPropertiesTest {
    private static final QuantityRecognizer R = QuantityRecognizer.create();

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789,.-/%$€£ kmbnKMB").ofMaxLength(30),
                Arbitraries.of("more than", "between", "and", "to", "a quarter", "one and a half", "billion", "bn",
                        "$", "US$", "HK$", "per cent", "-", "–", "(", ")", "\u0000", "\u202F", "\n", "٣٤", "三",
                        "rose", "fell", "up to", "Dec.", "10:30", "1e400", "COVID-19", "a", "the"),
                Arbitraries.strings().numeric().ofMinLength(20).ofMaxLength(400));
        return pieces.list().ofMaxSize(30).map(l -> String.join(" ", l));
    }

    @Property(tries = 300)
    void neverThrowsAndKeepsOffsetsConsistent(@ForAll("hostile") String text) {
        List<Quantity> qs = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> R.recognize(text));
        int last = -1;
        for (Quantity q : qs) {
            assertTrue(q.start() >= 0 && q.start() < q.end() && q.end() <= text.length(), q::toString);
            assertEquals(text.substring(q.start(), q.end()), q.text());
            assertTrue(q.start() >= last, "quantities are in order and do not overlap");
            assertTrue(q.value() == null || Double.isFinite(q.value()), q::toString);
            last = q.end();
        }
    }

    @Property(tries = 20)
    void handlesHugeTokensInLinearTime(@ForAll("hugeToken") String token) {
        String text = "sales rose " + token + " to $5 billion";
        List<Quantity> qs = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> R.recognize(text));
        assertTrue(qs.stream().anyMatch(q -> q.value() != null && q.value() == 5e9));
    }

    @Provide
    Arbitrary<String> hugeToken() {
        return Arbitraries.of('9', 'a', ',', '-', '$', '1').map(c -> String.valueOf(c).repeat(1_000_000));
    }
}
