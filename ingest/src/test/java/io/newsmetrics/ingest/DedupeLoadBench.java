package io.newsmetrics.ingest;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Measures how fast an instance reads the dedupe entries of its partitions when they are assigned, and the memory
 * they hold: writes N entries to {@value FetchLog#TOPIC} on an embedded broker (3 partitions), then reads them
 * all into a {@link RecentUrls} three times. Prints entries/s and bytes per entry.
 * <pre>
 * mvn -o -q -B -pl ingest -am test-compile
 * mvn -o -q -B -pl ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java -cp ingest/target/test-classes:ingest/target/classes:model/target/classes:broker/target/classes:$(cat ingest/target/test.cp) \
 *     io.newsmetrics.ingest.DedupeLoadBench 100000
 * </pre>
 * Not a test (no assertion, no timing target): a figure for the README.
 */
public final class DedupeLoadBench {
    private DedupeLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Files.createTempDirectory("lb"), 0)) {
            TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
            FetchLog log = FetchLog.open(kafka.bootstrapServers(), "bench", Duration.ofHours(1));
            Instant now = Instant.now();
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < n; i++) {
                    String url = "https://www.example-news-site.com/2026/11/29/economy/story-number-" + i + "-about-inflation";
                    p.send(FetchLog.record(i % 3, FetchLog.Entry.of(url, now.minusSeconds(i % 3000), url, url,
                            Map.of("If-None-Match", "\"abc" + i + "\"", "If-Modified-Since", "Sun, 29 Nov 2026 07:00:00 GMT"))));
                }
                p.flush();
            }
            for (int round = 0; round < 3; round++) {
                System.gc();
                long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                RecentUrls recent = new RecentUrls(Duration.ofHours(1), System::currentTimeMillis);
                long t = System.nanoTime();
                int loaded = 0;
                long notBefore = System.currentTimeMillis() - 3_600_000;
                for (int part = 0; part < 3; part++) {
                    for (FetchLog.Timed e : log.read(part, notBefore, () -> true).timed()) {
                        if (recent.load(e.entry(), part, e.atMillis())) {
                            loaded++;
                        }
                    }
                }
                double s = (System.nanoTime() - t) / 1e9;
                System.gc();
                long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                System.out.printf("round %d: read+loaded %d entries of 3 partitions in %.2f s (%.0f entries/s); memory held %d MiB (%d B/entry)%n",
                        round, loaded, s, loaded / s, (heap - before) >> 20, (heap - before) / loaded);
                java.lang.ref.Reference.reachabilityFence(recent); // measured above: keep it until here
            }
            log.close();
        }
    }
}
