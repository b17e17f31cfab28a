package io.newsmetrics.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    @Test
    void findsTheEventIdInTheRawBytes() {
        assertEquals("8f16", PipelineBench.idOf(bytes("{\"schemaVersion\":1,\"id\":\"8f16\",\"indicator\":\"x\"}")));
        assertEquals(null, PipelineBench.idOf(bytes("{\"schemaVersion\":1,\"indicator\":\"" + "x".repeat(80) + "\",\"id\":\"8f16\"}")),
                "only where MetricEvent writes it, near the start");
        assertEquals(null, PipelineBench.idOf(bytes("{\"id\":\"a\\\"b\"}")), "an escaped id is not read half");
        assertEquals(null, PipelineBench.idOf(bytes("{\"id\":\"caf\u00e9\"}")), "nor a non-ASCII one");
        assertEquals(null, PipelineBench.idOf(bytes("{\"id\":\"unterminated")));
        assertEquals(null, PipelineBench.idOf(null));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
