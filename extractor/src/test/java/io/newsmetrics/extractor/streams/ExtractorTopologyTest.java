package io.newsmetrics.extractor.streams;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractorTopologyTest {
    private static final String TEXT = "As of June, China's internet user base had reached 1.123 billion, "
            + "with an internet penetration rate of 79.7 percent.";

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldExtractMetricsAndDeadLetterPoisonPills() throws Exception {
        Article article = Article.of("https://news.example/a", "China's internet users", "2025-07-25", TEXT);
        try (ExtractorService service = ExtractorService.start(
                ExtractorConfig.defaults(kafka.bootstrapServers(), dir.resolve("state")), MetricExtractor.create());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "bad", "{not json")).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "null", null)).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES, article.canonicalUrl(), Json.write(article))).get();

            List<ConsumerRecord<String, String>> metrics = read(Topics.METRICS, 2);
            List<MetricEvent> events = new ArrayList<>();
            for (var r : metrics) {
                MetricEvent e = Json.read(r.value(), MetricEvent.class);
                assertEquals(e.key(), r.key(), "metrics are keyed by indicator key");
                events.add(e);
            }
            assertTrue(events.stream().anyMatch(e -> e.value() == 1.123e9 && e.unit().equals("count")
                    && "2025-06".equals(e.period())), () -> "internet users in " + events);
            assertTrue(events.stream().anyMatch(e -> e.value() == 79.7 && e.unit().equals("percent")),
                    () -> "penetration rate in " + events);

            List<ConsumerRecord<String, String>> dead = read(Topics.ARTICLES_DLQ, 2);
            assertEquals(2, dead.size(), "both poison pills are dead-lettered");
            for (var r : dead) {
                Header exception = r.headers().lastHeader("__streams.errors.exception");
                Header topic = r.headers().lastHeader("__streams.errors.topic");
                assertNotNull(exception, "dead letter says why");
                assertEquals(Topics.ARTICLES, new String(topic.value(), StandardCharsets.UTF_8), "and where from");
            }
            assertTrue(service.isRunning(), "the application keeps running after poison pills");
        }
    }

    private static List<ConsumerRecord<String, String>> read(String topic, int atLeast) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // a little longer, to see any extra record that should not be there
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
