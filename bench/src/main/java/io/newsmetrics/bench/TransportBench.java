package io.newsmetrics.bench;

import io.newsmetrics.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Raw transport of the embedded broker on this machine: one producer (acks=all, idempotent, like the services)
 * and one consumer moving records the size of our articles, with no processing in between.
 */
final class TransportBench {
    static final String TOPIC = "bench-transport";

    /** Records per second each way. */
    record Result(int records, double avgBytes, double produceRate, double consumeRate) {
        String describe() {
            return String.format(Locale.ROOT,
                    "transport: %d records of %.1f KB avg: produce %.0f records/s (%.1f MB/s), consume %.0f records/s (%.1f MB/s)",
                    records, avgBytes / 1024, produceRate, produceRate * avgBytes / 1e6, consumeRate, consumeRate * avgBytes / 1e6);
        }
    }

    private TransportBench() {
    }

    static Result run(Path dir, Corpus corpus, int n, int partitions) throws Exception {
        byte[][] values = new byte[Math.min(n, 2_000)][];
        long bytes = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = corpus.json(i).getBytes(StandardCharsets.UTF_8);
            bytes += values[i].length;
        }
        double avg = (double) bytes / values.length;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            try (Admin admin = Clients.admin(kafka.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            double produceRate;
            try (KafkaProducer<byte[], byte[]> producer = Clients.bytesProducer(kafka.bootstrapServers())) {
                // warm-up: metadata, connections, JIT
                producer.send(new ProducerRecord<>(TOPIC, values[0])).get();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    byte[] key = ("https://news.example.org/story-" + i).getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(TOPIC, key, values[i % values.length]));
                }
                producer.flush();
                produceRate = n / seconds(t0);
            }
            double consumeRate;
            try (KafkaConsumer<byte[], byte[]> consumer = Clients.bytesConsumer(kafka.bootstrapServers())) {
                Clients.assignFromStart(consumer, TOPIC);
                long seen = 0;
                long t0 = System.nanoTime();
                while (seen < n + 1) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                    seen += records.count();
                    if (seconds(t0) > 300) {
                        throw new IllegalStateException("consumed only " + seen + " of " + (n + 1) + " records in 300 s");
                    }
                }
                consumeRate = seen / seconds(t0);
            }
            return new Result(n, avg, produceRate, consumeRate);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
