package io.newsmetrics.extractor.quantity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and hostile text: the recogniser never throws, never hangs, and its offsets always hold.
 * Seeded generators (each try names its seed) keep failures reproducible.
 */
class QuantityRecognizerPropertiesTest {
    /** Catches a hang (e.g. catastrophic backtracking), not slowness: CI machines may be heavily loaded. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final QuantityRecognizer R = QuantityRecognizer.create();
    private static final List<String> PIECES = List.of("more than", "between", "and", "to", "a quarter", "one and a half",
            "billion", "bn", "$", "US$", "HK$", "per cent", "-", "–", "(", ")", "\u0000", "\u202F", "\n", "٣٤", "三",
            "rose", "fell", "up to", "Dec.", "10:30", "1e400", "COVID-19", "a", "the");
    private static final String NUMERIC = "0123456789,.-/%$€£ kmbnKMB";

    /** A hostile text of up to 30 pieces: any code points, number-like runs, known phrases and long digit runs. */
    static String hostile(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(31);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                out.append(' ');
            }
            switch (random.nextInt(4)) {
                case 0 -> random.ints(random.nextInt(41), 0, 0x2FFFF)
                        .filter(Character::isValidCodePoint).forEach(out::appendCodePoint);
                case 1 -> random.ints(random.nextInt(31), 0, NUMERIC.length()).forEach(k -> out.append(NUMERIC.charAt(k)));
                case 2 -> out.append(PIECES.get(random.nextInt(PIECES.size())));
                default -> random.ints(20 + random.nextInt(381), 0, 10).forEach(out::append);
            }
        }
        return out.toString();
    }

    @Test
    void neverThrowsAndKeepsOffsetsConsistent() {
        for (int seed = 0; seed < 300; seed++) {
            String text = hostile(new SplittableRandom(seed));
            String context = "seed " + seed;
            List<Quantity> qs = assertTimeoutPreemptively(HANG_GUARD, () -> R.recognize(text), context);
            int last = -1;
            for (Quantity q : qs) {
                assertTrue(q.start() >= 0 && q.start() < q.end() && q.end() <= text.length(), context + ": " + q);
                assertEquals(text.substring(q.start(), q.end()), q.text(), context);
                assertTrue(q.start() >= last, context + ": quantities are in order and do not overlap");
                assertTrue(q.value() == null || Double.isFinite(q.value()), context + ": " + q);
                last = q.end();
            }
        }
    }

    @Test
    void handlesHugeTokensInLinearTime() {
        for (char c : new char[]{'9', 'a', ',', '-', '$', '1'}) {
            String text = "sales rose " + String.valueOf(c).repeat(1_000_000) + " to $5 billion";
            List<Quantity> qs = assertTimeoutPreemptively(HANG_GUARD, () -> R.recognize(text), "token of " + c);
            assertTrue(qs.stream().anyMatch(q -> q.value() != null && q.value() == 5e9), "token of " + c);
        }
    }
}
