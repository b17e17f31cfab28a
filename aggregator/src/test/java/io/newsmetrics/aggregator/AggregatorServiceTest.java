package io.newsmetrics.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.newsmetrics.aggregator.TestSupport.await;
import static io.newsmetrics.aggregator.TestSupport.event;
import static io.newsmetrics.aggregator.TestSupport.get;
import static io.newsmetrics.aggregator.TestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One aggregator instance over a real embedded broker, queried over real HTTP. */
class AggregatorServiceTest {
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static AggregatorServer server;
    static int port;

    @BeforeAll
    static void startAll() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
        port = TestSupport.freePort();
        AggregatorConfig config = AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("state"),
                "127.0.0.1:" + port).withApplicationId("agg-single").withStandbyReplicas(0);
        server = AggregatorServer.start(config, "127.0.0.1", port);
        await(port, "/ready", r -> r.status() == 200, 60);
    }

    @AfterAll
    static void stopAll() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldPreferLatestPeriodOverLaterArrival() {
        produce(kafka.bootstrapServers(),
                event("china/internet-users", 1.1e9, "count", "2025", "https://a.example/2025", "2025-07-25"),
                // published later, arrives later, but about 2019: must not replace the 2025 figure
                event("china/internet-users", 8.5e8, "count", "2019", "https://b.example/old", "2026-01-02"));
        TestSupport.Reply r = await(port, "/indicators/china/internet-users",
                x -> x.status() == 200 && x.json().path("observationCount").asInt() == 2, 30);
        assertEquals(1.1e9, r.json().path("value").asDouble());
        assertEquals("2025", r.json().path("period").asText());
        assertEquals("https://a.example/2025", r.json().path("source").path("url").asText());
    }
}
