package io.newsmetrics.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchTest {
    @Test
    void readsOptionsAsNamePairs() {
        Map<String, String> opts = Bench.options(new String[]{"pipeline", "--articles", "20_000", "--warmup", "0"});
        assertEquals(20_000, Bench.intOption(opts, "articles", 1, 1));
        assertEquals(0, Bench.intOption(opts, "warmup", 5, 0), "0 is a warm-up of nothing");
        assertEquals(7, Bench.intOption(opts, "seconds", 7, 1), "an option not given takes its default");
    }

    @Test
    void refusesBadCommandLinesWithAUsageError() {
        assertEquals("expected --option value, got '--articles'",
                assertThrows(Bench.UsageException.class, () -> Bench.options(new String[]{"pipeline", "--articles"}))
                        .getMessage());
        Map<String, String> opts = Bench.options(new String[]{"pipeline", "--warmup", "-1", "--partitions", "three"});
        assertEquals("--warmup must be a whole number >= 0, was '-1'",
                assertThrows(Bench.UsageException.class, () -> Bench.intOption(opts, "warmup", 0, 0)).getMessage());
        assertThrows(Bench.UsageException.class, () -> Bench.intOption(opts, "partitions", 3, 1));
        assertThrows(Bench.UsageException.class, () -> Bench.rateOption("0"));
        assertThrows(Bench.UsageException.class, () -> Bench.rateOption("NaN"));
        assertEquals(2.5, Bench.rateOption("2.5"));
    }
}
