package io.newsmetrics.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.aggregator.streams.ObservationSerde;
import io.newsmetrics.aggregator.streams.StoreNames;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.model.MetricEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.newsmetrics.aggregator.TestSupport.await;
import static io.newsmetrics.aggregator.TestSupport.event;
import static io.newsmetrics.aggregator.TestSupport.get;
import static io.newsmetrics.aggregator.TestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void shouldRankUndatedBelowDatedAndBreakPeriodTiesByPublication() {
        produce(kafka.bootstrapServers(),
                event("india/gdp", 3.9e12, "USD", "2024", "https://a.example/gdp-late", "2025-03-01"),
                event("india/gdp", 3.7e12, "USD", "2024", "https://b.example/gdp-early", "2025-01-01"),
                event("india/gdp", 4.5e12, "USD", null, "https://c.example/gdp-undated", "2026-01-01"));
        TestSupport.Reply r = await(port, "/indicators/india/gdp",
                x -> x.status() == 200 && x.json().path("observationCount").asInt() == 3, 30);
        assertEquals(3.9e12, r.json().path("value").asDouble(), "newest publication of the newest period wins");
        assertTrue(r.json().path("conflicting").asBoolean());
        assertEquals("https://b.example/gdp-early", r.json().path("conflicts").get(0).path("sources").get(0).asText());
    }

    @Test
    void shouldCountCorroboratingSourcesAndIgnoreReplayedEvents() {
        var first = event("brazil/unemployment-rate", 6.2, "percent", "2025-Q2", "https://a.example/u", "2025-08-01");
        produce(kafka.bootstrapServers(), first, first,
                event("brazil/unemployment-rate", 6.2, "percent", "2025-Q2", "https://b.example/u", "2025-08-02"),
                event("brazil/unemployment-rate", 6.2, "percent", "2025-Q2", "https://b.example/u", "2025-08-02"));
        TestSupport.Reply r = await(port, "/indicators/brazil/unemployment-rate",
                x -> x.status() == 200 && x.json().path("sourceCount").asInt() == 2, 30);
        assertEquals(2, r.json().path("observationCount").asInt(), "the same event twice is one observation");
        assertTrue(r.json().path("conflicts").isEmpty());
        TestSupport.Reply h = get(port, "/indicators/brazil/unemployment-rate/history");
        assertEquals(2, h.json().path("count").asInt());
    }

    @Test
    void shouldCountEverySourceButListOnlyTheFirstOnes() {
        int n = io.newsmetrics.aggregator.model.ValueReport.MAX_SOURCES + 12;
        java.util.List<io.newsmetrics.model.MetricEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event("peru/copper-output", 2.7e6, "t", "2024", "https://s" + i + ".example/cu", "2025-02-01"));
            events.add(event("peru/copper-output", 2.6e6, "t", "2024", "https://o" + i + ".example/cu", "2025-01-01"));
        }
        events.add(events.get(0)); // a replay counts nothing
        // the same figure again from a listed source and from one past the list: other events, no new source
        events.add(event("peru/copper-output", 2.7e6 * (1 + 1e-12), "t", "2024", "https://s3.example/cu", "2025-02-01"));
        events.add(event("peru/copper-output", 2.7e6 * (1 + 1e-12), "t", "2024", "https://s" + (n - 1) + ".example/cu",
                "2025-02-01"));
        // an older period arriving last changes the count of observations only
        events.add(event("peru/copper-output", 2.4e6, "t", "2023", "https://late.example/cu", "2026-01-01"));
        produce(kafka.bootstrapServers(), events.toArray(new io.newsmetrics.model.MetricEvent[0]));
        TestSupport.Reply r = await(port, "/indicators/peru/copper-output",
                x -> x.status() == 200 && x.json().path("observationCount").asInt() == 2 * n + 3, 60);
        assertEquals(2.7e6, r.json().path("value").asDouble(), 1.0);
        assertEquals(n, r.json().path("sourceCount").asInt(), "the count stays exact");
        assertEquals(io.newsmetrics.aggregator.model.ValueReport.MAX_SOURCES, r.json().path("sources").size());
        assertEquals("https://s0.example/cu", r.json().path("sources").get(0).asText());
        assertEquals(1, r.json().path("conflicts").size());
        assertEquals(n, r.json().path("conflicts").get(0).path("sourceCount").asInt());
        assertEquals(io.newsmetrics.aggregator.model.ValueReport.MAX_SOURCES,
                r.json().path("conflicts").get(0).path("sources").size());
        TestSupport.Reply asOf = get(port, "/indicators/peru/copper-output?asOf=2024");
        assertEquals(n, asOf.json().path("sourceCount").asInt(), "as-of answers count and bound the same way");
        assertEquals(io.newsmetrics.aggregator.model.ValueReport.MAX_SOURCES, asOf.json().path("sources").size());
        TestSupport.Reply h = get(port, "/indicators/peru/copper-output/history?from=2024");
        assertEquals(2 * n + 2, h.json().path("count").asInt(), "history lists every observation");
    }

    @Test
    void shouldServeHistoryWithBoundsAndAsOf() {
        produce(kafka.bootstrapServers(),
                event("japan/cpi", 2.1, "percent", "2023", "https://a.example/cpi23", "2024-01-10"),
                event("japan/cpi", 2.7, "percent", "2024-Q4", "https://a.example/cpi24q4", "2025-01-20"),
                event("japan/cpi", 3.0, "percent", "2025-06", "https://a.example/cpi2506", "2025-07-15"),
                event("japan/cpi", 2.9, "percent", "2025-06", "https://b.example/cpi2506", "2025-07-16"));
        await(port, "/indicators/japan/cpi", x -> x.status() == 200 && x.json().path("observationCount").asInt() == 4, 30);

        TestSupport.Reply all = get(port, "/indicators/japan/cpi/history");
        assertEquals(200, all.status());
        assertEquals(4, all.json().path("count").asInt());
        assertEquals("2023", all.json().path("observations").get(0).path("period").asText(), "oldest period first");
        assertEquals("2025-06", all.json().path("conflicts").get(0).path("period").asText());
        assertEquals(2, all.json().path("conflicts").get(0).path("values").size());

        TestSupport.Reply bounded = get(port, "/indicators/japan%2Fcpi/history?from=2024&to=2024-12");
        assertEquals(1, bounded.json().path("count").asInt(), bounded.body());
        assertEquals(2.7, bounded.json().path("observations").get(0).path("value").asDouble());

        TestSupport.Reply sinceYear = get(port, "/indicators/japan/cpi/history?from=2025");
        assertEquals(2, sinceYear.json().path("count").asInt(), "2025-06 starts within 2025: " + sinceYear.body());

        TestSupport.Reply oneSource = get(port, "/indicators/japan/cpi/history?from=2025-06&to=2025-06"
                + "&source=https%3A%2F%2Fb.example%2Fcpi2506");
        assertEquals(1, oneSource.json().path("count").asInt(), oneSource.body());
        assertEquals(2.9, oneSource.json().path("observations").get(0).path("value").asDouble());
        assertEquals("https://b.example/cpi2506", oneSource.json().path("source").asText());
        assertEquals(0, oneSource.json().path("conflicts").size(), "one source does not disagree with itself");

        TestSupport.Reply asOf = get(port, "/indicators/japan/cpi?asOf=2024-12");
        assertEquals(200, asOf.status(), asOf.body());
        assertEquals(2.7, asOf.json().path("value").asDouble());
        assertEquals("2024-12", asOf.json().path("asOf").asText());

        TestSupport.Reply before = get(port, "/indicators/japan/cpi?asOf=2022");
        assertEquals(404, before.status());

        TestSupport.Reply listed = get(port, "/indicators?subject=japan&asOf=2024");
        assertEquals(1, listed.json().path("count").asInt(), listed.body());
        assertEquals(2.7, listed.json().path("items").get(0).path("value").asDouble(), "2024-Q4 lies within 2024");
        TestSupport.Reply older = get(port, "/indicators?subject=japan&asOf=2023-06");
        assertEquals(0, older.json().path("count").asInt(), "the 2023 figure covers periods past 2023-06");
        assertEquals(2.1, get(port, "/indicators?subject=japan&asOf=2023").json().path("items").get(0).path("value").asDouble());
    }

    @Test
    void shouldAnswerErrorsAsJsonWithoutStackTraces() {
        TestSupport.Reply unknown = get(port, "/indicators/nowhere/nothing");
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.json().path("error").asText());
        assertTrue(unknown.json().path("detail").asText().contains("nowhere/nothing"));

        TestSupport.Reply badPeriod = get(port, "/indicators/japan/cpi?asOf=last-year");
        assertEquals(400, badPeriod.status());
        assertEquals("bad_request", badPeriod.json().path("error").asText());

        TestSupport.Reply badLimit = get(port, "/indicators?limit=0");
        assertEquals(400, badLimit.status());
        TestSupport.Reply overLimit = get(port, "/indicators?limit=10001");
        assertEquals(400, overLimit.status());
        assertTrue(overLimit.json().path("detail").asText().contains("1..10000"), overLimit.body());
        TestSupport.Reply unknownParam = get(port, "/indicators?colour=red");
        assertEquals(400, unknownParam.status());
        assertTrue(unknownParam.json().path("detail").asText().contains("colour"));
        TestSupport.Reply badCursor = get(port, "/indicators?cursor=!!!");
        assertEquals(400, badCursor.status());
        TestSupport.Reply internal = get(port, "/indicators?partitions=0");
        assertEquals(400, internal.status());
        for (TestSupport.Reply r : new TestSupport.Reply[]{unknown, badPeriod, badLimit, unknownParam, badCursor}) {
            assertTrue(!r.body().contains("\tat ") && !r.body().contains("Exception:"), r.body());
        }
    }

    @Test
    void shouldListFilterAndPageThroughIndicators() {
        produce(kafka.bootstrapServers(),
                event("kenya/mobile-subscriptions", 6.6e7, "count", "2025", "https://k.example/1", "2025-05-01"),
                event("kenya/mobile-money-users", 3.8e7, "count", "2025", "https://k.example/2", "2025-05-01"),
                event("kenya/inflation-rate", 4.1, "percent", "2025-09", "https://k.example/3", "2025-10-01"));
        TestSupport.Reply all = await(port, "/indicators?subject=Kenya",
                x -> x.status() == 200 && x.json().path("count").asInt() == 3, 30);
        assertTrue(all.json().path("complete").asBoolean());
        assertEquals("kenya/inflation-rate", all.json().path("items").get(0).path("key").asText(), "key order");

        TestSupport.Reply mobile = get(port, "/indicators?subject=kenya&indicator=mobile");
        assertEquals(2, mobile.json().path("count").asInt());
        TestSupport.Reply text = get(port, "/indicators?text=MONEY");
        assertEquals(1, text.json().path("count").asInt());

        TestSupport.Reply page1 = get(port, "/indicators?subject=kenya&limit=2");
        assertEquals(2, page1.json().path("count").asInt());
        String cursor = page1.json().path("nextCursor").asText();
        TestSupport.Reply page2 = get(port, "/indicators?subject=kenya&limit=2&cursor=" + cursor);
        assertEquals(1, page2.json().path("count").asInt());
        assertEquals("kenya/mobile-subscriptions", page2.json().path("items").get(0).path("key").asText());
        assertTrue(page2.json().path("nextCursor").isNull());

        TestSupport.Reply whole = get(port, "/indicators?subject=kenya&limit=10000");
        assertEquals(200, whole.status(), "one request may list up to 10,000 keys");
        assertEquals(3, whole.json().path("count").asInt());
    }

    @Test
    void shouldExposeHealthReadinessAndPrometheusMetrics() {
        assertEquals(200, get(port, "/health").status());
        assertEquals("UP", get(port, "/health").json().path("status").asText());
        assertEquals(200, get(port, "/ready").status());
        TestSupport.Reply metrics = get(port, "/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("kafka_stream"), "Kafka Streams client metrics are exported");
        assertTrue(metrics.body().contains("http_server_requests_seconds"));
        // the processor's own sensors (observations added, duplicates, latest changed) once the refresh saw them
        await(port, "/metrics", r -> r.body().contains("observation_added_total"), 30);
        JsonNode notAllowed = TestSupport.get(port, "/nope").json();
        assertNotNull(notAllowed);
        assertEquals("not_found", notAllowed.path("error").asText());
    }

    @Test
    void shouldSendUnreadableAndRefusedEventsToTheDeadLetterTopicWithHeaders() throws Exception {
        TestSupport.produceRaw(kafka.bootstrapServers(), "x/broken", "{not json");
        var noValue = event("chile/copper-output", 1.0, "tonne", "2025", "https://c.example/1", "2025-01-01");
        noValue = new io.newsmetrics.model.MetricEvent(1, noValue.id(), noValue.indicator(), noValue.label(),
                noValue.subject(), noValue.key(), null, null, null, "tonne", null, null, null, "2025", null,
                noValue.source(), noValue.evidence());
        var badPeriod = event("chile/copper-price", 9.1, "USD", "sometime", "https://c.example/2", "2025-01-01");
        TestSupport.produceRaw(kafka.bootstrapServers(), null, io.newsmetrics.model.Json.write(
                event("chile/lithium-output", 4.9e4, "tonne", "2025", "https://c.example/4", "2025-03-01")));
        produce(kafka.bootstrapServers(), noValue, badPeriod,
                event("chile/copper-exports", 5.0e10, "USD", "2025", "https://c.example/3", "2025-02-01"));
        // processing went on past the bad records
        await(port, "/indicators/chile/copper-exports", x -> x.status() == 200, 30);

        Map<String, Map<String, String>> byReason = new HashMap<>();
        try (var consumer = committedReader("dlq-check")) {
            consumer.subscribe(java.util.List.of(io.newsmetrics.model.Topics.METRICS_DLQ));
            long deadline = System.currentTimeMillis() + 30_000;
            while (byReason.size() < 4 && System.currentTimeMillis() < deadline) {
                for (var rec : consumer.poll(java.time.Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    rec.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    headers.put("value", rec.value());
                    byReason.put(headers.get(io.newsmetrics.aggregator.streams.DeadLetters.HEADER_REASON), headers);
                }
            }
        }
        assertEquals(java.util.Set.of("DESERIALIZATION", "NO_VALUE", "BAD_PERIOD", "KEY_MISMATCH"), byReason.keySet());
        var unreadable = byReason.get("DESERIALIZATION");
        assertEquals(io.newsmetrics.model.Topics.METRICS, unreadable.get(io.newsmetrics.aggregator.streams.DeadLetters.HEADER_TOPIC));
        assertTrue(Long.parseLong(unreadable.get(io.newsmetrics.aggregator.streams.DeadLetters.HEADER_OFFSET)) >= 0);
        var letter = io.newsmetrics.model.Json.read(unreadable.get("value"), io.newsmetrics.model.DeadLetter.class);
        assertEquals("{not json", letter.payload(), "the original bytes are kept for replay");
        assertEquals(io.newsmetrics.aggregator.streams.AggregatorTopology.PROCESSOR,
                byReason.get("NO_VALUE").get(io.newsmetrics.aggregator.streams.DeadLetters.HEADER_PROCESSOR));
    }

    @Test
    void shouldPublishChangedIndicatorsToTheCompactedTopic() {
        produce(kafka.bootstrapServers(),
                event("peru/gdp-growth", 3.1, "percent", "2025", "https://p.example/g", "2025-11-01"));
        Map<String, String> seen = new HashMap<>();
        try (var consumer = committedReader("latest-check")) {
            consumer.subscribe(java.util.List.of(io.newsmetrics.model.Topics.INDICATORS_LATEST));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!seen.containsKey("peru/gdp-growth") && System.currentTimeMillis() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(500)).forEach(r -> seen.put(r.key(), r.value()));
            }
        }
        assertTrue(seen.containsKey("peru/gdp-growth"), "indicators-latest carries the key");
        assertTrue(seen.get("peru/gdp-growth").contains("\"value\":3.1"), seen.get("peru/gdp-growth"));
    }

    @Test
    void shouldPublishABusyKeyOncePerEmitIntervalWithItsFinalState() {
        int n = 30;
        MetricEvent[] burst = new MetricEvent[n];
        for (int i = 0; i < n; i++) {
            burst[i] = event("chile/copper-output", 5.0 + i, "tonnes", "2025-" + String.format("%02d", 1 + i % 12),
                    "https://c.example/" + i, "2025-12-01");
        }
        produce(kafka.bootstrapServers(), burst);
        await(port, "/indicators/chile/copper-output", x -> x.status() == 200
                && x.json().path("observationCount").asInt() == n, 30);
        java.util.List<String> records = new java.util.ArrayList<>();
        try (var consumer = committedReader("burst-check")) {
            consumer.subscribe(java.util.List.of(io.newsmetrics.model.Topics.INDICATORS_LATEST));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && (records.isEmpty() || !records.get(records.size() - 1).contains("\"observationCount\":" + n))) {
                consumer.poll(java.time.Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals("chile/copper-output")) {
                        records.add(r.value());
                    }
                });
            }
        }
        assertFalse(records.isEmpty(), "indicators-latest carries the key");
        assertTrue(records.get(records.size() - 1).contains("\"observationCount\":" + n),
                "the last record is the final state: " + records.get(records.size() - 1));
        // 30 events produced in one batch are processed within an emit interval or two (1 s each), not 30 times
        assertTrue(records.size() <= 3, records.size() + " records for one burst of " + n + " events");
    }

    @Test
    void shouldFindKeysWithNonAsciiSubjectsWhetherEncodedOrNot() {
        produce(kafka.bootstrapServers(),
                event("são-paulo/population", 1.24e7, "count", "2024", "https://s.example/sp", "2025-02-01"));
        String encoded = "/indicators/s%C3%A3o-paulo%2Fpopulation";
        TestSupport.Reply r = await(port, encoded, x -> x.status() == 200, 30);
        assertEquals("são-paulo/population", r.json().path("key").asText());
        assertEquals(200, get(port, "/indicators/s%C3%A3o-paulo/population/history").status());
        TestSupport.Reply listed = get(port, "/indicators?subject=S%C3%A3o%20Paulo");
        assertEquals(1, listed.json().path("count").asInt(), listed.body());
    }

    @Test
    void shouldServeTheDashboardAndTheOpenApiDescription() {
        TestSupport.Reply page = get(port, "/");
        assertEquals(200, page.status());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("/indicators"));
        TestSupport.Reply api = get(port, "/openapi.yaml");
        assertEquals(200, api.status());
        assertTrue(api.body().startsWith("openapi: 3"));
    }

    @Test
    void shouldKeepEveryHistoryChangelogRecordAndCompactTheOtherChangelogs() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<String, String> history = topicConfig(admin, "agg-single-" + StoreNames.HISTORY + "-changelog");
            assertEquals("delete", history.get("cleanup.policy"));
            assertEquals("-1", history.get("retention.ms"));
            assertEquals("-1", history.get("retention.bytes"));
            // the latest indicators are overwritten per key: their changelog stays compacted
            assertEquals("compact", topicConfig(admin, "agg-single-" + StoreNames.LATEST + "-changelog").get("cleanup.policy"));
        }
    }

    @Test
    void shouldLogHistoryValuesInTheBinaryForm() {
        produce(kafka.bootstrapServers(),
                event("chile/copper-reserves", 1.9e8, "tonnes", "2024", "https://s.example/cl", "2025-03-01"));
        String topic = "agg-single-" + StoreNames.HISTORY + "-changelog";
        ObservationSerde serde = new ObservationSerde();
        List<byte[]> values = new ArrayList<>();
        boolean found = false;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!found && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                    found |= record.key().startsWith("chile/copper-reserves\u0000");
                }
            }
        }
        assertTrue(found, "the observation reached the history changelog");
        for (byte[] value : values) {
            assertEquals(ObservationSerde.FORMAT_TAG, value[0], "binary, not JSON");
            assertNotNull(serde.deserialize(topic, value));
        }
    }

    private static Map<String, String> topicConfig(org.apache.kafka.clients.admin.Admin admin, String topic)
            throws Exception {
        var resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        Map<String, String> out = new HashMap<>();
        admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource).entries()
                .forEach(e -> out.put(e.name(), e.value()));
        return out;
    }

    /** A read_committed consumer in its own group, from the earliest offset. */
    private static org.apache.kafka.clients.consumer.KafkaConsumer<String, String> committedReader(String group) {
        return new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "group.id", group, "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer());
    }
}
