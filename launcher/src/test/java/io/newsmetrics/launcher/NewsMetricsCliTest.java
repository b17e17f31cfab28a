package io.newsmetrics.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline commands, run as a user runs them, with their real standard streams captured. */
class NewsMetricsCliTest {
    private static final String ARTICLE = """
            date 2025-07-25 https://news.example/china-internet

            China's internet users reach 1.123 billion

            As of June, China's internet user base had reached 1.123 billion, with an internet penetration rate of 79.7 percent.
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;
    private InputStream stdin;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        stdin = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.setIn(stdin);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(Json.mapper().readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void extractPrintsMetricEventsOfAPlainTextArticle(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, ARTICLE);
        assertEquals(0, NewsMetrics.execute("extract", file.toString()));
        List<JsonNode> events = lines();
        assertTrue(events.stream().anyMatch(e -> e.get("value").asDouble() == 1.123e9
                && "2025-06".equals(e.get("period").asText())), events::toString);
        assertTrue(events.stream().allMatch(e -> e.get("source").get("url").asText().equals("https://news.example/china-internet")));
        com.networknt.schema.Schema schema;
        try (var in = getClass().getResourceAsStream("/schemas/metric-event-v1.json")) {
            schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        for (JsonNode e : events) {
            var errors = schema.validate(e.toString(), com.networknt.schema.InputFormat.JSON);
            assertTrue(errors.isEmpty(), () -> "the metric event schema accepts what extract prints: " + errors + " in " + e);
        }
    }

    @Test
    void extractReportsAnUnreadableFileAndFails(@TempDir Path dir) {
        int code = NewsMetrics.execute("extract", dir.resolve("missing.html").toString());
        assertNotEquals(0, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.html"), err::toString);
    }

    @Test
    void parsePrintsOneJsonLinePerFile(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("p.html");
        Files.writeString(html, "<html lang=en><head><title>Rates rise</title>"
                + "<meta property=\"article:published_time\" content=\"2024-03-01T10:00:00Z\"></head>"
                + "<body><article><p>The central bank raised rates by 25 basis points on Friday, its third increase this year.</p>"
                + "<p>Markets had expected the move after inflation rose to 3.2 percent in January.</p></article></body></html>");
        assertEquals(0, NewsMetrics.execute("parse", html.toString()));
        JsonNode line = lines().get(0);
        assertEquals(html.toString(), line.get("source").asText());
        assertTrue(line.get("publishedAt").asText().startsWith("2024-03-01"), line::toString);
        assertTrue(line.get("text").asText().contains("25 basis points"), line::toString);
    }

    @Test
    void quantitiesPrintsOneLinePerInputLine() throws Exception {
        System.setIn(new ByteArrayInputStream("Sales rose 5% to $12.9bn.\n\nNo figures here.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, NewsMetrics.execute("quantities"));
        List<JsonNode> results = lines();
        assertEquals(3, results.size(), "one line out per line in, blank ones too");
        assertEquals("Sales rose 5% to $12.9bn.", results.get(0).get("text").asText());
        assertTrue(results.get(0).get("quantities").size() >= 2, results.get(0)::toString);
        assertEquals(0, results.get(2).get("quantities").size());
    }

    @Test
    void unknownCommandsAndBadOptionsFailWithUsage() {
        assertNotEquals(0, NewsMetrics.execute("frobnicate"));
        assertNotEquals(0, NewsMetrics.execute("up", "--http-port", "not-a-port"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--http-port"), err::toString);
    }
}
