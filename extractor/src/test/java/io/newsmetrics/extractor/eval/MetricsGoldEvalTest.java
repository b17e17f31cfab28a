package io.newsmetrics.extractor.eval;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MetricsGoldEvalTest {

    @Test
    void scoresOwnFixtureWithTheScorersRules(@TempDir Path shared) throws IOException {
        Path seed = shared.resolve("corpus/seed");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("a.txt"), "date 2024-06-20 https://example.test/a\n\nTitle\n\n"
                + "As of May, Freedonia's mobile subscriber base had reached 52.4 million.", StandardCharsets.UTF_8);
        Path gold = shared.resolve("gold.jsonl");
        Files.writeString(gold, "{\"doc\":\"corpus/seed/a.html\",\"published\":\"2024-06-20\",\"facts\":["
                + "{\"indicator\":[\"mobile\",\"subscrib\"],\"not\":[\"rural\"],\"subject\":\"Freedonia\","
                + "\"value\":52400000,\"unit\":\"count\",\"qualifier\":\"exact\",\"change\":null,"
                + "\"period\":\"2024-05\",\"period_alt\":[],\"alt\":[]},"
                + "{\"indicator\":[\"tablet\"],\"value\":3,\"unit\":\"count\",\"period\":null}]}\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MetricsGoldEval.Score s = new MetricsGoldEval(shared, MetricExtractor.create(),
                new PrintStream(buf, true, StandardCharsets.UTF_8), false).run(gold);
        assertEquals(1, s.tp());
        assertEquals(0, s.fp());
        assertEquals(1, s.fn());
        assertEquals(1.0, s.periodAccuracy());
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("F1 0.667"));
    }

    @Test
    void readsTheSeedPlainTextForm(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "  date 2025-07-25 https://example.test/x\n\nA title\n\nBody one.\n\nBody two.");
        Article a = MetricsGoldEval.readSeedText(f);
        assertEquals("2025-07-25", a.publishedAt());
        assertEquals("A title", a.title());
        assertEquals("Body one.\n\nBody two.", a.text());
        Files.writeString(f, "no header");
        assertThrows(IOException.class, () -> MetricsGoldEval.readSeedText(f));
    }

    /** The shared gold sets; skipped when ../shared is absent. */
    @Test
    void meetsTheTargetsOnTheSharedGold() throws IOException {
        String prop = System.getProperty("newsmetrics.shared");
        Path shared = prop == null ? null : Path.of(prop);
        assumeTrue(shared != null && Files.isRegularFile(shared.resolve("eval/metrics-gold/gold.jsonl")),
                "shared eval data not present");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MetricsGoldEval eval = new MetricsGoldEval(shared, MetricExtractor.create(), quiet, false);
        MetricsGoldEval.Score seed = eval.run(shared.resolve("eval/metrics-gold/gold.jsonl"));
        assertEquals(0, seed.fn(), "all seed facts found");
        MetricsGoldEval.Score aeb = eval.run(shared.resolve("eval/metrics-gold/gold-aeb.jsonl"));
        assertTrue(aeb.f1() >= 0.85, "F1 " + aeb.f1());
        assertTrue(aeb.periodAccuracy() >= 0.85, "period accuracy " + aeb.periodAccuracy());
    }
}
