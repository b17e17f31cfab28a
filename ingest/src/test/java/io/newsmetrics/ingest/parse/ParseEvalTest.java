package io.newsmetrics.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ParseEvalTest {
    @Test
    void writesOneJsonLinePerPageWithTheMappedUrl(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.html"), Fixtures.html("news-article.html"));
        Files.writeString(dir.resolve("two.html"), Fixtures.html("dates-byline.html"));
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        ParseEval.Result r = ParseEval.run(dir, Map.of("two.html", "https://example.com/2019/11/19/budget"), 1);
        assertEquals(2, r.pages());
        assertEquals(0, r.failed());
        JsonNode one = Json.mapper().readTree(r.lines().get(0));
        JsonNode two = Json.mapper().readTree(r.lines().get(1));
        assertTrue(one.get("source").asText().endsWith("one.html"));
        assertEquals("Jane Roe, John Doe", one.get("author").asText());
        assertTrue(one.get("text").asText().startsWith("The harbour city"));
        assertEquals("https://example.com/2019/11/19/budget", two.get("url").asText());
        assertEquals("2019-11-19", two.get("publishedAt").asText());
    }

    @Test
    void mainWritesPredictionsReadByTheScorers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("abc.html"), Fixtures.html("news-article.html"));
        Path map = dir.resolve("truth.json");
        Files.writeString(map, "{\"abc\": {\"articleBody\": \"x\", \"url\": \"https://example.com/n\"}}");
        Path out = dir.resolve("out.jsonl");
        ParseEval.main(new String[]{dir.toString(), map.toString(), out.toString()});
        JsonNode line = Json.mapper().readTree(Files.readAllLines(out).get(0));
        assertEquals("https://example.com/n", line.get("url").asText());
    }

    @Test
    void rejectsMissingArgumentsAndBadRepeats(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParseEval.main(new String[0]));
        assertTrue(e.getMessage().startsWith("usage:"));
        assertThrows(IllegalArgumentException.class,
                () -> ParseEval.main(new String[]{dir.toString(), "--repeat", "0"}));
    }

    @Test
    void parsesTheSharedArticleExtractionSetWithoutFailures() throws IOException {
        Path set = Fixtures.shared().map(s -> s.resolve("eval/article-extraction")).orElse(null);
        assumeTrue(set != null && Files.isDirectory(set), "needs -Dnewsmetrics.shared=<shared folder>");
        Map<String, String> urls = Map.of();
        ParseEval.Result r = ParseEval.run(set.resolve("html"), urls, 1);
        assertEquals(0, r.failed());
        long empty = r.lines().stream().filter(l -> l.contains("\"text\":\"\"")).count();
        assertEquals(0, empty, "pages without text");
    }
}
