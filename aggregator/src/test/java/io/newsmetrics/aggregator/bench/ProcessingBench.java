package io.newsmetrics.aggregator.bench;

import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.aggregator.AggregatorServer;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Aggregation throughput: {@code events} metric events (over {@code keys} keys, periods spread over 2015..2025,
 * every 10th event a replay) are produced first, then one aggregator (EOS v2) starts and the time until its
 * group has committed them all (committed offsets = end offsets) is printed.
 * With {@code repeat=R} each fact (key, period, value) is reported by R different sources in a row, as news
 * repeats a figure (the pipeline bench's corpus repeats each about 225 times).
 * Arguments: {@code events=100000 keys=10000 repeat=1}.
 */
public final class ProcessingBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int events = Integer.parseInt(a.getOrDefault("events", "100000"));
        int keys = Integer.parseInt(a.getOrDefault("keys", "10000"));
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "1"));
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        Path dir = Files.createTempDirectory("processingbench");
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        AggregatorServer server = null;
        try {
            TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
            JsonSerde<MetricEvent> serde = JsonSerde.of(MetricEvent.class);
            java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                    new StringSerializer(), new ByteArraySerializer())) {
                // a just-created topic may not have a leader yet: wait, or early sends fail out of order
                long until = System.currentTimeMillis() + 30_000;
                while (p.partitionsFor(Topics.METRICS).stream().anyMatch(pi -> pi.leader() == null || pi.leader().isEmpty())
                        && System.currentTimeMillis() < until) {
                    Thread.sleep(100);
                }
                Thread.sleep(1000);
                MetricEvent previous = null;
                for (int i = 0; i < events; i++) {
                    MetricEvent e;
                    if (i % 10 == 9 && previous != null) {
                        e = previous; // a replay: must count once
                    } else {
                        int fact = i / repeat;
                        String k = "subject-" + (fact % keys) + "/indicator";
                        String period = String.valueOf(2015 + (fact * 7919) % 11);
                        String url = "https://bench.example/" + i;
                        e = new MetricEvent(1, MetricEvent.idOf(url, k, (double) fact, null, null, "count", null, period),
                                "indicator", "indicator", "subject", k, (double) fact, null, null, "count", null, null,
                                null, period, List.of(), new MetricEvent.Source(url, "bench", "2025-06-01"),
                                new MetricEvent.Evidence("Subject indicator was " + fact + " in " + period + ".", 0, 10));
                    }
                    previous = e;
                    p.send(new ProducerRecord<>(Topics.METRICS, e.key(), serde.serialize(Topics.METRICS, e)), (m, err) -> {
                        if (err != null) {
                            failed.incrementAndGet();
                        }
                    });
                }
                p.flush();
            }
            if (failed.get() > 0) {
                System.out.println(failed.get() + " sends failed; expecting the rest");
            }
            long expected = events - failed.get(); // also the end offsets: the producer is not transactional
            int port = QueryBench.freePort();
            AggregatorConfig c = AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("state"),
                    "127.0.0.1:" + port).withApplicationId("processingbench").withStandbyReplicas(0);
            long t0 = System.nanoTime();
            server = AggregatorServer.start(c, "127.0.0.1", port);
            // progress = the group's committed offsets (exactly-once commits) against the topic's end offsets;
            // cheap to poll, unlike a Prometheus scrape, so the measurement does not slow the measured
            long firstSeenAt = 0;
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < 3; p++) {
                    latest.put(new org.apache.kafka.common.TopicPartition(Topics.METRICS, p),
                            org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
                long end = 0;
                for (var info : admin.listOffsets(latest).all().get().values()) {
                    end += info.offset();
                }
                long committed = 0;
                while (committed < end) {
                    Thread.sleep(250);
                    committed = 0;
                    for (var om : admin.listConsumerGroupOffsets("processingbench").partitionsToOffsetAndMetadata()
                            .get().entrySet()) {
                        if (om.getKey().topic().equals(Topics.METRICS) && om.getValue() != null) {
                            committed += om.getValue().offset();
                        }
                    }
                    if (committed > 0 && firstSeenAt == 0) {
                        firstSeenAt = System.nanoTime();
                    }
                    if (System.nanoTime() - t0 > 180_000_000_000L) {
                        throw new IllegalStateException("only " + committed + " of " + end + " processed in 3 minutes");
                    }
                }
            }
            double total = (System.nanoTime() - t0) / 1e9;
            double steady = (System.nanoTime() - firstSeenAt) / 1e9;
            System.out.printf("processed %d events (%d keys, each fact from %d sources, 10%% replays) in %.1f s from start"
                    + " (%.0f events/s incl. start-up); %.0f events/s after the first metric was seen%n", expected, keys,
                    repeat, total, expected / total, expected / steady);
        } finally {
            if (server != null) {
                server.close();
            }
            kafka.close();
        }
    }
}
