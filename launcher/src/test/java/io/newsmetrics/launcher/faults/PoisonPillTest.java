package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.launcher.PipelineConfig;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Qualifier;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison pills on every input topic: malformed JSON, the wrong shape, a newer schema version, null keys and
 * values, a 10 MB record. Each unreadable or refused record lands on its dead-letter topic saying why; the
 * record that follows is processed as usual. The 10 MB record never gets in: the broker refuses it
 * (message.max.bytes is 2 MiB) and the producer reports {@link RecordTooLargeException}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PoisonPillTest {
    private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    private Pipeline pipeline;
    private HttpServer site;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    void start() throws Exception {
        site = BrokerRestartTest.servePage();
        pipeline = Pipeline.start(PipelineConfig.defaults(dir).withPorts(0, 0).withHttp("127.0.0.1", "127.0.0.1")
                .withPartitions(3).withAllowPrivateAddresses(true));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 12 * 1024 * 1024); // let the broker be the one to refuse
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        FaultKit.await("the aggregator's /ready", WAIT, pipeline::isReady);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void shouldDeadLetterBadUrlRequestsAndIngestTheNextOne() throws Exception {
        List<ProducerRecord<String, String>> poison = List.of(
                record(Topics.NEWS_URLS, "u1", "this is not a url"),
                record(Topics.NEWS_URLS, "u2", "{\"url\": 42}"),
                record(Topics.NEWS_URLS, "u3", "{\"url\": \"https://example.org/a\""),
                record(Topics.NEWS_URLS, "u4", null),
                record(Topics.NEWS_URLS, null, "ftp://example.org/file.txt"),
                record(Topics.NEWS_URLS, "u6", "{\"schemaVersion\": 9, \"link\": \"https://example.org/b\"}"));
        sendAll(poison);
        assertRefusedAsTooLarge(Topics.NEWS_URLS, "u7");
        String good = "http://127.0.0.1:" + site.getAddress().getPort() + "/news/after-the-poison.html";
        producer.send(record(Topics.NEWS_URLS, good, good)).get();

        FaultKit.await("the page after the poison on " + Topics.ARTICLES, WAIT, () -> FaultKit.readAll(
                pipeline.bootstrapServers(), Topics.ARTICLES, true).stream().anyMatch(r -> r.value() != null && r.value().contains(good)));
        List<ConsumerRecord<String, String>> letters = awaitRecords(Topics.NEWS_URLS_DLQ, poison.size());
        assertEquals(poison.size(), letters.size(), "one dead letter per bad request");
        for (ConsumerRecord<String, String> letter : letters) {
            JsonNode dl = Json.mapper().readTree(letter.value());
            assertFalse(dl.path("reason").asText().isBlank(), letter.value());
            assertFalse(dl.path("detail").asText().isBlank(), letter.value());
            assertEquals(Topics.NEWS_URLS, dl.path("sourceTopic").asText(), letter.value());
            assertTrue(dl.path("offset").asLong() >= 0, letter.value());
        }
    }

    @Test
    void shouldDeadLetterUnreadableArticlesAndExtractTheNextOne() throws Exception {
        List<ProducerRecord<String, String>> poison = List.of(
                record(Topics.ARTICLES, "a1", "not json at all"),
                record(Topics.ARTICLES, "a2", "{\"title\": \"an article without a url\"}"),
                record(Topics.ARTICLES, "a3", "[1, 2, 3]"),
                record(Topics.ARTICLES, "a4", null),
                record(Topics.ARTICLES, "a5", "{\"url\": \"https://example.org/c\", \"authors\": {\"name\": 5}}"));
        sendAll(poison);
        assertRefusedAsTooLarge(Topics.ARTICLES, "a6");
        Article keyless = FaultKit.article(9_001);
        Article keyed = FaultKit.article(9_002);
        producer.send(record(Topics.ARTICLES, null, Json.write(keyless))).get();
        producer.send(record(Topics.ARTICLES, keyed.canonicalUrl(), Json.write(keyed))).get();

        FaultKit.await("metrics of the articles after the poison", WAIT, () -> {
            List<ConsumerRecord<String, String>> metrics = FaultKit.readAll(pipeline.bootstrapServers(), Topics.METRICS, true);
            return metrics.stream().anyMatch(r -> r.value().contains(keyless.url()))
                    && metrics.stream().anyMatch(r -> r.value().contains(keyed.url()));
        });
        List<ConsumerRecord<String, String>> letters = awaitRecords(Topics.ARTICLES_DLQ, poison.size());
        assertEquals(poison.size(), letters.size(), "one dead letter per unreadable article");
        for (ConsumerRecord<String, String> letter : letters) {
            String exception = header(letter, "__streams.errors.exception");
            assertNotNull(exception, "dead letter without the exception header: " + letter);
            assertNotNull(header(letter, "__streams.errors.message"), "dead letter without the message header: " + letter);
            assertEquals(Topics.ARTICLES, header(letter, "__streams.errors.topic"));
        }
    }

    @Test
    void shouldDeadLetterRefusedMetricEventsAndAggregateTheNextOne() throws Exception {
        MetricEvent good = event("poison-test-land/wind-capacity", "2024", 231.0);
        ObjectNode newer = (ObjectNode) Json.mapper().valueToTree(event("poison-test-land/solar", "2024", 1.0));
        newer.put("schemaVersion", 2);
        MetricEvent noValue = new MetricEvent(1, "nv", "solar", "solar", "Poison Test Land", "poison-test-land/solar",
                null, null, null, "GW", null, Qualifier.EXACT, null, "2024", List.of(),
                new MetricEvent.Source("https://example.org/d", "t", "2025-01-01"), null);
        MetricEvent badPeriod = event("poison-test-land/hydro", "someday", 3.0);
        List<ProducerRecord<String, String>> poison = List.of(
                record(Topics.METRICS, "poison-test-land/x", "{{{"),
                record(Topics.METRICS, "poison-test-land/solar", newer.toString()),
                record(Topics.METRICS, "somewhere-else/solar", Json.write(event("poison-test-land/tidal", "2024", 2.0))),
                record(Topics.METRICS, noValue.key(), Json.write(noValue)),
                record(Topics.METRICS, badPeriod.key(), Json.write(badPeriod)));
        sendAll(poison);
        producer.send(record(Topics.METRICS, "poison-test-land/tombstone", null)).get(); // a tombstone: nothing to aggregate
        assertRefusedAsTooLarge(Topics.METRICS, "poison-test-land/huge");
        // a valid event without a record key, on a partition its key does not hash to
        MetricEvent keyless = event("poison-test-land/geothermal", "2024", 4.0);
        int home = Utils.toPositive(Utils.murmur2(keyless.key().getBytes(StandardCharsets.UTF_8))) % 3;
        producer.send(new ProducerRecord<>(Topics.METRICS, (home + 1) % 3, null, Json.write(keyless))).get();
        producer.send(record(Topics.METRICS, good.key(), Json.write(good))).get();

        String api = "http://127.0.0.1:" + pipeline.httpPort();
        FaultKit.await("the event after the poison over HTTP", WAIT,
                () -> FaultKit.status(api + "/indicators/" + good.key()) == 200);
        HttpResponse<String> answer = FaultKit.get(api + "/indicators/" + good.key());
        assertEquals(231.0, Json.mapper().readTree(answer.body()).path("value").asDouble(), answer.body());

        List<ConsumerRecord<String, String>> letters = awaitRecords(Topics.METRICS_DLQ, poison.size());
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> letter : letters) {
            reasons.add(header(letter, "newsmetrics.dlq.reason"));
        }
        assertTrue(reasons.containsAll(List.of("DESERIALIZATION", "SCHEMA_VERSION", "KEY_MISMATCH", "NO_VALUE", "BAD_PERIOD")),
                "reasons: " + reasons);
        // the keyless event is dead-lettered or answered under its key, never accepted and then unreachable
        FaultKit.await("the keyless event answered under its key or on " + Topics.METRICS_DLQ, WAIT, () ->
                FaultKit.status(api + "/indicators/" + keyless.key()) == 200
                        || FaultKit.readAll(pipeline.bootstrapServers(), Topics.METRICS_DLQ, true).stream()
                        .anyMatch(r -> r.value() != null && r.value().contains(keyless.id())));
    }

    private static MetricEvent event(String key, String period, double value) {
        String indicator = key.substring(key.indexOf('/') + 1);
        String url = "https://example.org/poison/" + indicator;
        return new MetricEvent(1, MetricEvent.idOf(url, key, value, null, null, "GW", null, period), indicator, indicator,
                "Poison Test Land", key, value, null, null, "GW", "gigawatts", Qualifier.EXACT, null, period, List.of(),
                new MetricEvent.Source(url, "Poison", "2025-01-01"),
                new MetricEvent.Evidence("Poison Test Land had " + value + " GW.", 0, 5));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key, value);
    }

    private void sendAll(List<ProducerRecord<String, String>> records) throws Exception {
        for (ProducerRecord<String, String> r : records) {
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    private void assertRefusedAsTooLarge(String topic, String key) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> producer.send(record(topic, key, TEN_MB)).get(60, TimeUnit.SECONDS));
        assertInstanceOf(RecordTooLargeException.class, e.getCause(), String.valueOf(e.getCause()));
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic, int count) throws InterruptedException {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        FaultKit.await(count + " records on " + topic, WAIT, () -> {
            out.clear();
            out.addAll(FaultKit.readAll(pipeline.bootstrapServers(), topic, true));
            return out.size() >= count;
        });
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
