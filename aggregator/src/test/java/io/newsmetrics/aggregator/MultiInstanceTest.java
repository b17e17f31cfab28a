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

/**
 * Two aggregator instances of one application: any instance answers any key and any listing.
 * The tests share one broker (and the metrics topic) but use their own application ids and indicators.
 */
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
        return startInstance(name, port, "agg-multi", 10_000);
    }

    static AggregatorServer startInstance(String name, int port, String applicationId, long maxStandbyLag) {
        return startInstance(AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve(name),
                "127.0.0.1:" + port).withApplicationId(applicationId).withStandbyReplicas(1).withMaxStandbyLag(maxStandbyLag));
    }

    static AggregatorServer startInstance(AggregatorConfig config) {
        int port = config.advertisedPort();
        AggregatorServer s = AggregatorServer.start(config, "127.0.0.1", port);
        running.add(s);
        return s;
    }

    static void awaitActiveTasksOnEach(AggregatorServer... servers) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (AggregatorServer s : servers) {
                var streams = s.service().streams();
                all &= streams.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                        && streams.metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the instances never shared the tasks");
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
            await(port, "/indicators?indicator=population&limit=1000", r -> r.status() == 200 && r.json().path("count").asInt() == KEYS
                    && r.json().path("complete").asBoolean(), 90);
        }

        // each instance answers for every key, some of which the other one owns
        keysServedBy(portA, events, portB);
        keysServedBy(portB, events, portA);
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
        await(portA, "/indicators?indicator=population&limit=1000&requireComplete=true", r -> r.status() == 200 && r.json().path("count").asInt() == KEYS, 60);

        // both restart over their old state: the restored stores give the same answers
        stop(a);
        AggregatorServer a2 = startInstance("a", portA);
        AggregatorServer b2 = startInstance("b", portB);
        for (int port : new int[]{a2.port(), b2.port()}) {
            TestSupport.Reply list = await(port, "/indicators?indicator=population&limit=1000", r -> r.status() == 200
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

    @Test
    void shouldAnswerFromAStandbyOnlyWithinTheLagBound() throws Exception {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        AggregatorServer a = startInstance("lag-a", portA, "agg-lag", 2);
        AggregatorServer b = startInstance("lag-b", portB, "agg-lag", 2);
        // with a lag bound of 2, an instance that joins after data arrived only warms up until the next probing
        // rebalance (minutes): let both own tasks before any data, as on a quiet machine they do at once
        awaitActiveTasksOnEach(a, b);
        List<MetricEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event("lag-" + i + "/exports", i, "USD", "2024", "https://l.example/" + i, "2025-01-01"));
        }
        TestSupport.produce(kafka.bootstrapServers(), events.toArray(MetricEvent[]::new));
        await(portA, "/indicators?indicator=exports&limit=1000&requireComplete=true", r -> r.status() == 200
                && r.json().path("count").asInt() == 12, 90);
        // a key B owns: A holds its standby copy
        String keyOfB = keysServedBy(portA, events, portB).get(0);
        String path = "/indicators/" + keyOfB;
        // asked directly (as a forwarded request), A answers from its up-to-date standby
        TestSupport.Reply fresh = awaitForwarded(portA, path, x -> x.status() == 200);
        assertEquals("standby", fresh.json().path("replica").asText());

        // A stops following the changelog; B takes more updates: A's standby falls behind the bound
        a.service().streams().pause();
        String k = keyOfB;
        TestSupport.produce(kafka.bootstrapServers(),
                event(k, 100, "USD", "2025", "https://l.example/n1", "2026-01-01"),
                event(k, 101, "USD", "2025", "https://l.example/n2", "2026-01-02"),
                event(k, 102, "USD", "2025", "https://l.example/n3", "2026-01-03"));
        await(portB, path, x -> x.status() == 200 && x.json().path("value").asDouble() == 102, 30);
        TestSupport.Reply stale = awaitForwarded(portA, path, x -> x.status() == 503);
        assertTrue(stale.headers().firstValue("Retry-After").isPresent());
        assertEquals("unavailable", stale.json().path("error").asText());
        assertTrue(stale.json().path("detail").asText().contains("behind"), stale.body());
        // through the normal path A forwards to the owner and gets the fresh value
        assertEquals(102, get(portA, path).json().path("value").asDouble());
        // no resume(): in Streams 4.4.0 resuming paused standby tasks kills the state updater
        // ("changelog reader is not restoring active tasks (is STANDBY_UPDATING)"); close it paused
        stop(a);
        stop(b);
    }

    static TestSupport.Reply awaitForwarded(int port, String path, java.util.function.Predicate<TestSupport.Reply> ok)
            throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        TestSupport.Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header(io.newsmetrics.aggregator.rest.Forwarder.FORWARDED_HEADER, "1").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            last = new TestSupport.Reply(r.statusCode(), io.newsmetrics.model.Json.mapper().readTree(r.body()), r.body(),
                    r.headers());
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("forwarded GET " + path + " still gives " + (last == null ? null : last.status() + " " + last.body()));
    }

    @Test
    void shouldAnswerFromTheStandbyWhileACrashedOwnerStillHoldsItsPartitions() {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        AggregatorServer a = startInstance("crash-a", portA, "agg-crash", 10_000);
        AggregatorServer b = startInstance("crash-b", portB, "agg-crash", 10_000);
        List<MetricEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event("crash-" + i + "/imports", i, "USD", "2024", "https://c.example/" + i, "2025-01-01"));
        }
        TestSupport.produce(kafka.bootstrapServers(), events.toArray(MetricEvent[]::new));
        await(portA, "/indicators?indicator=imports&limit=1000&requireComplete=true", r -> r.status() == 200
                && r.json().path("count").asInt() == 12, 90);
        List<String> keysOfB = keysServedBy(portA, events, portB);
        // wait until A's standby copies have caught up, as a forwarded (local-only) read shows
        for (String k : keysOfB) {
            awaitForwardedOk(portA, "/indicators/" + k);
        }

        running.remove(b);
        b.close(false); // B vanishes without leaving the group: it still owns its partitions for a while
        for (String k : keysOfB) {
            TestSupport.Reply r = get(portA, "/indicators/" + k);
            assertEquals(200, r.status(), r.body());
            assertEquals("standby", r.json().path("replica").asText(), "answered from A's standby: " + r.body());
        }
        TestSupport.Reply list = get(portA, "/indicators?indicator=imports&limit=1000");
        assertEquals(12, list.json().path("count").asInt(), list.body());
        assertTrue(list.json().path("complete").asBoolean(), "B's partitions came from A's standby: " + list.body());
        assertTrue(list.json().path("errors").size() > 0, "the failed fan-out to B is reported: " + list.body());
        stop(a);
    }

    /**
     * Keys that instance {@code askPort} gets answered by {@code ownerPort}, once the group has settled so that
     * the owner has some (the second instance joins a moment after the first took every partition).
     */
    static List<String> keysServedBy(int askPort, List<MetricEvent> events, int ownerPort) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> owned = new ArrayList<>();
            for (MetricEvent e : events) {
                TestSupport.Reply r = await(askPort, "/indicators/" + e.key(), x -> x.status() == 200, 30);
                if (r.json().path("servedBy").asText().equals("127.0.0.1:" + ownerPort)
                        && r.json().path("replica").asText().equals("active")) {
                    owned.add(e.key());
                }
            }
            if (!owned.isEmpty()) {
                return owned;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ie);
            }
        }
        throw new AssertionError("instance " + ownerPort + " never came to own a key");
    }

    static void awaitForwardedOk(int port, String path) {
        try {
            awaitForwarded(port, path, x -> x.status() == 200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldCarryTheBearerTokenBetweenInstances() {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        String token = "s3cret-token";
        AggregatorServer a = startInstance(AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("auth-a"),
                "127.0.0.1:" + portA).withApplicationId("agg-auth").withAuthToken(token));
        AggregatorServer b = startInstance(AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("auth-b"),
                "127.0.0.1:" + portB).withApplicationId("agg-auth").withAuthToken(token));
        List<MetricEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(event("auth-" + i + "/tourism-arrivals", i, "count", "2024", "https://t.example/" + i, "2025-01-01"));
        }
        TestSupport.produce(kafka.bootstrapServers(), events.toArray(MetricEvent[]::new));
        await(portA, "/health", r -> r.status() == 200, 30); // probes stay open
        assertEquals(401, get(portA, "/indicators").status());
        assertEquals(401, get(portA, "/metrics").status());
        long deadline = System.currentTimeMillis() + 90_000;
        TestSupport.Reply list = null;
        while (System.currentTimeMillis() < deadline) {
            list = get(portA, "/indicators?indicator=tourism&limit=100&requireComplete=true", token);
            if (list.status() == 200 && list.json().path("count").asInt() == 9
                    && list.json().path("errors").isEmpty()) {
                break;
            }
            sleep(300);
        }
        assertEquals(9, list.json().path("count").asInt(), list.body());
        assertTrue(list.json().path("errors").isEmpty(), "fan-out to B was authorised: " + list.body());
        // key look-ups A forwards to B carry the token too (B answers some once the group has settled)
        Set<String> servers = new HashSet<>();
        while (!servers.contains("127.0.0.1:" + portB) && System.currentTimeMillis() < deadline + 30_000) {
            for (MetricEvent e : events) {
                TestSupport.Reply r = get(portA, "/indicators/" + e.key(), token);
                assertEquals(200, r.status(), r.body());
                servers.add(r.json().path("servedBy").asText());
            }
        }
        assertTrue(servers.contains("127.0.0.1:" + portB), "B answered forwarded look-ups: " + servers);
        stop(a);
        stop(b);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
