package io.newsmetrics.aggregator.bench;

import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.aggregator.AggregatorServer;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query benchmark over loopback: a real embedded broker, {@code instances} aggregator servers of one
 * application, {@code keys} indicators; then single-key GETs from {@code threads} client threads for
 * {@code seconds} (req/s, p50/p99/p99.9) against instance 0 (with 2 instances about half the keys are
 * forwarded), and listing latency (first page of 100, page of 1000, a text search that scans every key, and
 * every key: in one request and as pages of 1000 following the cursor).
 *
 * <p>Arguments (all optional): {@code keys=10000 seconds=10 threads=8 instances=1 hold=0 httpThreads=8}; with
 * {@code hold=N} the servers stay up N seconds after the run so an external load tool (wrk) can be used;
 * the URLs are printed.
 */
public final class QueryBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int keys = Integer.parseInt(a.getOrDefault("keys", "10000"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "8"));
        int instances = Integer.parseInt(a.getOrDefault("instances", "1"));
        int hold = Integer.parseInt(a.getOrDefault("hold", "0"));
        int httpThreads = Integer.parseInt(a.getOrDefault("httpThreads", "8"));

        Path dir = Files.createTempDirectory("querybench");
        List<AggregatorServer> servers = new ArrayList<>();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try {
            TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
            for (int i = 0; i < instances; i++) {
                int port = freePort();
                AggregatorConfig c = AggregatorConfig.defaults(kafka.bootstrapServers(), dir.resolve("state-" + i),
                        "127.0.0.1:" + port).withApplicationId("querybench").withStandbyReplicas(instances > 1 ? 1 : 0)
                        .withHttpThreads(httpThreads);
                servers.add(AggregatorServer.start(c, "127.0.0.1", port));
            }
            int port = servers.get(0).port();
            long t0 = System.nanoTime();
            produce(kafka.bootstrapServers(), keys);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            waitForAll(client, port, keys);
            System.out.printf("loaded %d keys through Kafka Streams (EOS v2) in %.1f s%n", keys,
                    (System.nanoTime() - t0) / 1e9);

            runGets(client, port, keys, threads, 2, "warm-up");
            runGets(client, port, keys, threads, seconds, "single-key GET");
            listing(client, port, "/indicators?limit=100", 200, "listing first page, limit=100");
            listing(client, port, "/indicators?limit=1000", 50, "listing page, limit=1000");
            listing(client, port, "/indicators?text=no-such-text&limit=100", 50, "text search scanning all keys");
            listAll(client, port, keys, Math.min(keys, 10_000), 20, "all keys, one request");
            listAll(client, port, keys, 1000, 20, "all keys, pages of 1000");
            if (hold > 0) {
                for (AggregatorServer s : servers) {
                    System.out.println("holding: http://127.0.0.1:" + s.port() + "/indicators/subject-1/indicator");
                }
                Thread.sleep(hold * 1000L);
            }
        } finally {
            // the broker closes after this block: stop the Streams clients first
            servers.forEach(AggregatorServer::close);
            kafka.close();
        }
    }

    static String key(int i) {
        return "subject-" + i + "/indicator";
    }

    static void produce(String bootstrap, int keys) throws Exception {
        JsonSerde<MetricEvent> serde = JsonSerde.of(MetricEvent.class);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys; i++) {
                String k = key(i);
                String url = "https://bench.example/" + i;
                MetricEvent e = new MetricEvent(1, MetricEvent.idOf(url, k, (double) i, null, null, "count", null, "2025"),
                        "indicator", "indicator", "subject " + i, k, (double) i, null, null, "count", null, null, null,
                        "2025", List.of(), new MetricEvent.Source(url, "bench " + i, "2025-06-01"),
                        new MetricEvent.Evidence("Subject " + i + " indicator was " + i + " in 2025.", 0, 10));
                p.send(new ProducerRecord<>(Topics.METRICS, k, serde.serialize(Topics.METRICS, e)));
            }
            p.flush();
        }
    }

    static void waitForAll(HttpClient client, int port, int keys) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            int count = 0;
            String cursor = null;
            boolean complete = true;
            do {
                String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/indicators?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var json = Json.mapper().readTree(body);
                count += json.path("count").asInt();
                complete &= json.path("complete").asBoolean(false);
                cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
            } while (cursor != null);
            if (count >= keys && complete) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the aggregator did not load " + keys + " keys in 5 minutes");
    }

    static void runGets(HttpClient client, int port, int keys, int threads, int seconds, String label) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] lat = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                long[] l = new long[1 << 20];
                int n = 0;
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (System.nanoTime() < end && n < l.length) {
                    URI uri = URI.create("http://127.0.0.1:" + port + "/indicators/" + key(rnd.nextInt(keys)));
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    l[n++] = System.nanoTime() - s;
                }
                lat[id] = l;
                counts[id] = n;
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(lat[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%-32s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  (%d requests, %d threads, %d non-200)%n",
                label, total / (double) seconds, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), total, threads,
                errors.get());
    }

    static void listing(HttpClient client, int port, String path, int n, String label) throws Exception {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            l[i] = System.nanoTime() - s;
        }
        Arrays.sort(l);
        System.out.printf("%-32s p50 %7.2f ms  p99 %7.2f ms  (%d sequential requests)%n", label, pct(l, 0.5),
                pct(l, 0.99), n);
    }

    /**
     * Times listing every key: pages of {@code pageSize} following {@code nextCursor} until the last, from the first
     * request to the last byte of the last page; checks that exactly {@code keys} distinct keys came back.
     */
    static void listAll(HttpClient client, int port, int keys, int pageSize, int n, String label) throws Exception {
        long[] l = new long[n];
        long bytes = 0;
        int pages = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            List<byte[]> bodies = new ArrayList<>();
            String cursor = null;
            do {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/indicators?limit=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("listing answered " + r.statusCode());
                }
                bodies.add(r.body());
                cursor = nextCursor(r.body());
            } while (cursor != null);
            l[i] = System.nanoTime() - s;
            // checked outside the timed part: every key once, and complete
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (byte[] b : bodies) {
                var json = Json.mapper().readTree(b);
                if (!json.path("complete").asBoolean()) {
                    throw new IllegalStateException("listing incomplete: " + json.path("missingPartitions"));
                }
                json.path("items").forEach(item -> seen.add(item.path("key").asText()));
                bytes += b.length;
            }
            if (seen.size() != keys) {
                throw new IllegalStateException("listing returned " + seen.size() + " distinct keys, expected " + keys);
            }
            pages = bodies.size();
        }
        Arrays.sort(l);
        System.out.printf("%-32s p50 %7.2f ms  p99 %7.2f ms  min %7.2f ms  (%d pages of <= %d, %.1f MB each time, %d runs)%n",
                label, pct(l, 0.5), pct(l, 0.99), l[0] / 1e6, pages, pageSize, bytes / (double) n / 1e6, n);
    }

    /** The nextCursor of a page, found without parsing the items (so as not to time the client's parsing). */
    static String nextCursor(byte[] body) {
        String tail = new String(body, Math.max(0, body.length - 4096), Math.min(body.length, 4096),
                java.nio.charset.StandardCharsets.UTF_8);
        int at = tail.lastIndexOf("\"nextCursor\":");
        if (at < 0) {
            throw new IllegalStateException("no nextCursor in the page's tail");
        }
        String rest = tail.substring(at + "\"nextCursor\":".length());
        return rest.startsWith("null") ? null : rest.substring(1, rest.indexOf('"', 1));
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
