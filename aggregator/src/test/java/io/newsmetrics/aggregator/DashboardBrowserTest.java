package io.newsmetrics.aggregator;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.newsmetrics.aggregator.TestSupport.await;
import static io.newsmetrics.aggregator.TestSupport.event;
import static io.newsmetrics.aggregator.TestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium (skipped where none is installed): the page's script must
 * list the indicators and draw a history whose points link to their sources. Chromium's
 * {@code --dump-dom} prints the DOM after the scripts ran.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static AggregatorServer server;
    static int port;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no headless browser here");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
        port = TestSupport.freePort();
        server = AggregatorServer.start(AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("state"),
                "127.0.0.1:" + port).withApplicationId("agg-dashboard").withStandbyReplicas(0), "127.0.0.1", port);
        produce(kafka.bootstrapServers(),
                event("china/internet-users", 1.05e9, "count", "2023", "https://a.example/2023", "2024-01-10"),
                event("china/internet-users", 1.1e9, "count", "2025", "https://b.example/2025", "2025-07-25"),
                event("india/gdp", 3.9e12, "USD", "2024", "https://c.example/gdp", "2025-03-01"));
        await(port, "/indicators", r -> r.status() == 200 && r.json().path("count").asInt() == 2, 60);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish on " + url);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void listsIndicatorsWithTheirLatestValue() throws Exception {
        String dom = dumpDom("http://127.0.0.1:" + port + "/");
        assertTrue(dom.contains("<td>china/internet-users</td>"), dom);
        assertTrue(dom.contains("<td>india/gdp</td>"), dom);
        assertTrue(dom.contains("1.1 billion"), "the latest (2025) value is shown as news writes it: " + dom);
        assertTrue(dom.contains("2 shown"), dom);
    }

    @Test
    void drawsAHistoryWhosePointsLinkToTheirSources() throws Exception {
        String dom = dumpDom("http://127.0.0.1:" + port + "/#key=china%2Finternet-users");
        assertTrue(dom.contains("china/internet-users — 2 observations"), dom);
        assertEquals(2, count(dom, "<circle"), dom);
        for (String url : List.of("https://a.example/2023", "https://b.example/2025")) {
            assertTrue(dom.contains("href=\"" + url + "\""), "a point or line links to " + url);
        }
    }

    private static int count(String hay, String needle) {
        int n = 0;
        for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
