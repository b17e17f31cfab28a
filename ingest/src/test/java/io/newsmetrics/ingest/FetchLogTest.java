package io.newsmetrics.ingest;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FetchLogTest {
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** Partitions of a topic, once the metadata of a new topic or partition has spread. */
    private static int partitions(Admin admin, String topic, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                int n = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                if (n == expected || System.nanoTime() > deadline) {
                    return n;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void shouldRefuseToStartWithoutNewsUrls() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FetchLog.open(kafka.bootstrapServers(), "t", Duration.ofHours(1)));
        assertTrue(e.getMessage().contains(Topics.NEWS_URLS), e.getMessage());
    }

    @Test
    @Order(2)
    void shouldCreateACompactedTopicAlignedWithNewsUrlsAndGrowWithIt() throws Exception {
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
        FetchLog.open(kafka.bootstrapServers(), "t", Duration.ofHours(2)).close();
        FetchLog.open(kafka.bootstrapServers(), "t", Duration.ofHours(2)).close(); // a second instance: no change
        try (Admin admin = admin()) {
            assertEquals(3, partitions(admin, FetchLog.TOPIC, 3));
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, FetchLog.TOPIC);
            Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
            assertEquals("compact,delete", c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals(Long.toString(Duration.ofHours(26).toMillis()), c.get(TopicConfig.RETENTION_MS_CONFIG).value());

            admin.createPartitions(Map.of(Topics.NEWS_URLS, NewPartitions.increaseTo(4))).all().get();
            assertEquals(4, partitions(admin, Topics.NEWS_URLS, 4)); // the change has spread
            try (FetchLog log = FetchLog.open(kafka.bootstrapServers(), "t", Duration.ofHours(2))) {
                assertEquals(4, partitions(admin, FetchLog.TOPIC, 4));
                assertEquals(List.of(), log.read(3, 0, () -> true).entries(), "a new partition reads as empty");
            }
        }
    }

    @Test
    @Order(3)
    void shouldReadTheLatestFetchOfEachUrlWithinTheWindowAndSkipUnreadableRecords() throws Exception {
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        long notBefore = t0.minus(Duration.ofMinutes(30)).toEpochMilli();
        try (FetchLog log = FetchLog.open(kafka.bootstrapServers(), "t", Duration.ofHours(1));
             KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            FetchLog.Entry aOld = FetchLog.Entry.of("http://a/", t0.minusSeconds(60), "http://a/", "http://a/",
                    Map.of("If-None-Match", "\"1\""));
            FetchLog.Entry b = FetchLog.Entry.of("http://b/", t0.minusSeconds(30), "http://b/c", "http://b/",
                    Map.of("If-Modified-Since", "Sun, 01 Mar 2026 09:00:00 GMT"));
            FetchLog.Entry aNew = FetchLog.Entry.of("http://a/", t0, "http://a/", "http://a/",
                    Map.of("If-None-Match", "\"2\""));
            FetchLog.Entry expired = FetchLog.Entry.of("http://old/", t0.minus(Duration.ofHours(2)), null, null, Map.of());
            FetchLog.Entry gone = FetchLog.Entry.of("http://gone/", t0, null, null, Map.of());
            p.send(FetchLog.record(1, aOld)).get();
            p.send(FetchLog.record(1, b)).get();
            p.send(FetchLog.record(1, aNew)).get();
            p.send(FetchLog.record(1, expired)).get();
            p.send(FetchLog.record(1, gone)).get();
            p.send(new ProducerRecord<>(FetchLog.TOPIC, 1, "http://gone/", null)).get();
            p.send(new ProducerRecord<>(FetchLog.TOPIC, 1, "http://bad/", "{not json")).get();
            p.send(new ProducerRecord<>(FetchLog.TOPIC, 1, "http://other-key/", FetchLog.record(1, b).value())).get();
            p.send(new ProducerRecord<>(FetchLog.TOPIC, 1, "http://t/",
                    "{\"url\":\"http://t/\",\"fetchedAt\":\"yesterday\"}")).get();
            p.send(FetchLog.record(2, FetchLog.Entry.of("http://elsewhere/", t0, null, null, Map.of()))).get();

            FetchLog.Read read = log.read(1, notBefore, () -> true);
            assertEquals(List.of(b, aNew), read.entries(), "latest per URL, oldest first, nothing expired, removed or unreadable");
            assertEquals(Map.of("If-None-Match", "\"2\""), read.entries().get(1).validators());
            assertEquals(9, read.endOffset(), "nine records in partition 1");
            assertEquals(List.of(), log.read(0, notBefore, () -> true).entries());
            assertEquals(1, log.read(2, notBefore, () -> true).entries().size());
            assertEquals(List.of(b, aNew), log.read(1, notBefore, () -> true).entries(), "a partition can be read again");

            FetchLog.Entry c = FetchLog.Entry.of("http://c/", t0.plusSeconds(1), null, null, Map.of());
            p.send(FetchLog.record(1, c)).get();
            FetchLog.Read tail = log.read(1, read.endOffset(), notBefore, () -> true);
            assertEquals(List.of(c), tail.entries(), "a read from an offset sees only what came after");
            assertEquals(10, tail.endOffset());
            assertEquals(List.of(b, aNew, c), log.read(1, 500, notBefore, () -> true).entries(),
                    "an offset beyond the end (topic made anew) reads everything");
        }
    }
}
