package io.newsmetrics.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.model.MetricEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.newsmetrics.aggregator.TestSupport.await;
import static io.newsmetrics.aggregator.TestSupport.event;
import static io.newsmetrics.aggregator.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two aggregator instances of one application: any instance answers any key and any listing. */
class MultiInstanceTest {
    private static final int KEYS = 24;
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static final List<AggregatorServer> running = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
    }

    @AfterAll
    static void stopAll() {
        running.forEach(AggregatorServer::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    static AggregatorServer startInstance(String name, int port) {
        AggregatorConfig config = AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve(name),
                "127.0.0.1:" + port).withApplicationId("agg-multi").withStandbyReplicas(1);
        AggregatorServer s = AggregatorServer.start(config, "127.0.0.1", port);
        running.add(s);
        return s;
    }

    static void stop(AggregatorServer s) {
        running.remove(s);
        s.close();
    }

    @Test
    void shouldAnswerEveryKeyAndListingFromEitherInstanceAcrossStopAndRestart() {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        AggregatorServer a = startInstance("a", portA);
        AggregatorServer b = startInstance("b", portB);
        Map<String, Double> expected = new HashMap<>();
        List<MetricEvent> events = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            String key = "country-" + i + "/population";
            expected.put(key, 1000.0 + i);
            events.add(event(key, 1000.0 + i, "count", "2025", "https://p.example/" + i, "2025-06-01"));
        }
        TestSupport.produce(kafka.bootstrapServers(), events.toArray(MetricEvent[]::new));
        for (int port : new int[]{portA, portB}) {
            await(port, "/indicators?limit=1000", r -> r.status() == 200 && r.json().path("count").asInt() == KEYS
                    && r.json().path("complete").asBoolean(), 90);
        }

        // each instance answers for every key, some of which the other one owns
        Set<String> servedVia = new HashSet<>();
        for (int port : new int[]{portA, portB}) {
            for (var e : expected.entrySet()) {
                TestSupport.Reply r = await(port, "/indicators/" + e.getKey(), x -> x.status() == 200, 30);
                assertEquals(e.getValue(), r.json().path("value").asDouble(), e.getKey());
                servedVia.add(port + "->" + r.json().path("servedBy").asText());
            }
        }
        assertTrue(servedVia.contains(portA + "->127.0.0.1:" + portB), "A forwarded to B: " + servedVia);
        assertTrue(servedVia.contains(portB + "->127.0.0.1:" + portA), "B forwarded to A: " + servedVia);

        // B goes away: A answers everything after the rebalance, and never with a 500 meanwhile
        stop(b);
        for (var e : expected.entrySet()) {
            TestSupport.Reply r = await(portA, "/indicators/" + e.getKey(), x -> {
                assertTrue(x.status() == 200 || (x.status() == 503 && x.headers().firstValue("Retry-After").isPresent()),
                        "only 200 or 503 with Retry-After while rebalancing: " + x.status() + " " + x.body());
                return x.status() == 200;
            }, 90);
            assertEquals(e.getValue(), r.json().path("value").asDouble());
            assertEquals("127.0.0.1:" + portA, r.json().path("servedBy").asText());
        }
        await(portA, "/indicators?limit=1000&requireComplete=true", r -> r.status() == 200 && r.json().path("count").asInt() == KEYS, 60);

        // both restart over their old state: the restored stores give the same answers
        stop(a);
        AggregatorServer a2 = startInstance("a", portA);
        AggregatorServer b2 = startInstance("b", portB);
        for (int port : new int[]{a2.port(), b2.port()}) {
            TestSupport.Reply list = await(port, "/indicators?limit=1000", r -> r.status() == 200
                    && r.json().path("count").asInt() == KEYS && r.json().path("complete").asBoolean(), 90);
            for (JsonNode item : list.json().path("items")) {
                assertEquals(expected.get(item.path("key").asText()), item.path("value").asDouble());
                assertEquals(1, item.path("observationCount").asInt(), "no event counted twice after restart");
            }
        }
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), await(portB, "/indicators/" + e.getKey(), x -> x.status() == 200, 30)
                    .json().path("value").asDouble());
        }
    }
}
