package io.newsmetrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.extractor.streams.ExtractorConfig;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.launcher.PipelineConfig;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pipeline throughput: N articles straight to {@code articles} (extractor and aggregator on the embedded
 * broker, exactly_once_v2), timed until every metric event is in the aggregator's stores, i.e. both
 * applications have committed up to the end of their input. The listing then must account for every
 * distinct event (observations) that was not dead-lettered.
 *
 * <p>With a warm-up, that many other articles go through first, untimed: a new JVM spends its first minute
 * compiling (a broker, two Streams applications), and a run that starts cold measures the JIT as much as the
 * pipeline. The warm-up's own rate is printed as the cold-start figure.
 */
final class PipelineBench {
    private static final Duration LIMIT = Duration.ofMinutes(20);

    /**
     * @param events         metric events of the timed articles
     * @param distinctEvents distinct event ids on {@code metrics}, warm-up included (the aggregator holds those too)
     */
    record Result(int articles, double seconds, long events, long distinctEvents, long observations, long keys,
                  long metricsDlq, long articlesDlq, double peakRssMib, String cpu) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "pipeline: %d articles -> %d metric events in %.1f s = "
                            + "%.0f articles/s, %.0f events/s; aggregator holds %d keys with %d observations of %d "
                            + "distinct event ids (warm-up included); dead letters: articles %d, metrics %d; %s",
                    articles, events, seconds, articlesPerSecond(), events / seconds, keys, observations, distinctEvents,
                    articlesDlq, metricsDlq, observations + metricsDlq >= distinctEvents ? "every event accounted for"
                            : "MISSING " + (distinctEvents - observations - metricsDlq) + " events")
                    + "\n  " + cpu;
        }
    }

    /** Warm-up articles made and sent at a time. */
    private static final int WARM_UP_CHUNK = 2_000;

    private PipelineBench() {
    }

    static PipelineConfig config(Path dir, int partitions, PipelineConfig.Tuning tuning) {
        return PipelineConfig.defaults(dir).withPorts(0, 0).withHttp("127.0.0.1", "127.0.0.1")
                .withPartitions(partitions).withTuning(tuning)
                .withServices(EnumSet.of(PipelineConfig.Service.EXTRACTOR, PipelineConfig.Service.AGGREGATOR));
    }

    static Result run(Path dir, Corpus corpus, int n, int warmUp, int partitions, PipelineConfig.Tuning tuning)
            throws Exception {
        try (Pipeline pipeline = Pipeline.start(config(dir, partitions, tuning))) {
            awaitReady(pipeline);
            String bootstrap = pipeline.bootstrapServers();
            if (warmUp > 0) {
                warmUp(bootstrap, corpus, warmUp);
            }
            Set<String> ids = new HashSet<>();
            AtomicLong events = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean caughtUp = new AtomicBoolean();
            Thread counter = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> c = Clients.bytesConsumer(bootstrap, true)) {
                    List<TopicPartition> tps = Clients.assignFromStart(c, Topics.METRICS);
                    while (!stop.get()) {
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                            events.incrementAndGet();
                            String id = idOf(r.value());
                            synchronized (ids) {
                                ids.add(id == null ? "offset-" + r.partition() + "-" + r.offset() : id);
                            }
                        }
                        if (!caughtUp.get()) {
                            // read_committed end offsets: everything the warm-up committed has been counted
                            Map<TopicPartition, Long> ends = c.endOffsets(tps);
                            caughtUp.set(tps.stream().allMatch(tp -> c.position(tp) >= ends.get(tp)));
                        }
                    }
                }
            }, "bench-metrics-counter");
            counter.start();

            while (!caughtUp.get()) {
                Thread.sleep(50); // the warm-up's events are counted before the timed run starts
            }
            long eventsBefore = events.get();
            // the articles are made before the clock starts: making them is the benchmark's work, not the pipeline's
            List<ArticleRecord> articles = articleRecords(corpus, 0, n);
            CpuAccount cpu = CpuAccount.start();
            BrokerRequests requestsBefore = BrokerRequests.now();
            long t0 = System.nanoTime();
            publishArticles(bootstrap, articles);
            double produced = TransportBench.seconds(t0);
            System.out.printf(Locale.ROOT, "  (articles written in %.1f s; waiting for the applications)%n", produced);
            try (Admin admin = Clients.admin(bootstrap)) {
                awaitCaughtUp(admin, ExtractorConfig.DEFAULT_APPLICATION_ID, Topics.ARTICLES, t0);
                System.out.printf(Locale.ROOT, "  (extractor committed every article after %.1f s, %d events so far)%n",
                        TransportBench.seconds(t0), events.get() - eventsBefore);
                awaitCaughtUp(admin, AggregatorConfig.DEFAULT_APPLICATION_ID, Topics.METRICS, t0);
            }
            double seconds = TransportBench.seconds(t0);
            double peak = Machine.statusMib("VmHWM");
            String cpuSpent = cpu.describe(n, "article") + "\n  " + BrokerRequests.now().perUnit(requestsBefore, n, "article");
            Thread.sleep(1000); // let the counter read the last committed events
            stop.set(true);
            counter.join();
            // the aggregator's state and the counter's ids both include the warm-up: every event of the run is compared
            List<JsonNode> listing = new Api(pipeline.httpPort()).listAll();
            long observations = listing.stream().mapToLong(i -> i.path("observationCount").asLong()).sum();
            long distinct;
            synchronized (ids) {
                distinct = ids.size();
            }
            return new Result(n, seconds, events.get() - eventsBefore, distinct, observations, listing.size(),
                    DeadLetterCount.of(bootstrap, Topics.METRICS_DLQ), DeadLetterCount.of(bootstrap, Topics.ARTICLES_DLQ), peak, cpuSpent);
        }
    }

    /**
     * Evidence that the aggregator's RocksDB stores run with the bounded configuration: the OPTIONS file RocksDB
     * writes for each store shows whether index and filter blocks are charged to the (shared, capped) block cache,
     * which only BoundedRocksDbConfig turns on.
     */
    static String rocksDbEvidence(Path dir) {
        Path streams = dir.resolve("streams");
        if (!java.nio.file.Files.isDirectory(streams)) {
            return "no Streams state directory at " + streams;
        }
        java.util.Map<String, Boolean> latestOptionsByStore = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(streams)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).sorted().toList()) {
                String text = java.nio.file.Files.readString(f);
                latestOptionsByStore.put(streams.relativize(f.getParent()).toString(),
                        text.contains("cache_index_and_filter_blocks=true"));
            }
        } catch (java.io.IOException e) {
            return "cannot read the RocksDB OPTIONS files under " + streams + ": " + e.getMessage();
        }
        long bounded = latestOptionsByStore.values().stream().filter(b -> b).count();
        return bounded + " of " + latestOptionsByStore.size() + " RocksDB stores run with index/filter blocks in the "
                + "shared capped block cache (BoundedRocksDbConfig applied)";
    }

    /** An article as the {@code articles} topic carries it: its canonical URL and its JSON, both UTF-8. */
    record ArticleRecord(byte[] key, byte[] value) {
    }

    /** Articles {@code first .. first + n - 1} of the corpus, serialised. */
    static List<ArticleRecord> articleRecords(Corpus corpus, int first, int n) {
        List<ArticleRecord> records = new ArrayList<>(n);
        for (int i = first; i < first + n; i++) {
            var a = corpus.article(i);
            records.add(new ArticleRecord(a.canonicalUrl().getBytes(StandardCharsets.UTF_8),
                    Json.write(a).getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    /**
     * Writes the articles to {@code articles} and waits until all are acknowledged; prints a warning naming the
     * last error when some were not written.
     */
    static void publishArticles(String bootstrap, List<ArticleRecord> articles) {
        AtomicLong sendFailures = new AtomicLong();
        AtomicReference<String> lastSendFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = Clients.bytesProducer(bootstrap)) {
            for (ArticleRecord a : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES, a.key(), a.value()), (md, e) -> {
                    if (e != null) {
                        sendFailures.incrementAndGet();
                        lastSendFailure.set(e.toString());
                    }
                });
            }
            producer.flush();
        }
        if (sendFailures.get() > 0) {
            System.out.printf(Locale.ROOT, "  WARNING: %d of %d articles were NOT written (last error: %s)%n",
                    sendFailures.get(), articles.size(), lastSendFailure.get());
        }
    }

    /**
     * Runs articles {@code 2,000,000 ..} through the pipeline at full speed, untimed, and waits until both
     * applications have committed them; prints their rate, the cold-start figure.
     */
    static void warmUp(String bootstrap, Corpus corpus, int articles) throws Exception {
        long t0 = System.nanoTime();
        for (int first = 0; first < articles; first += WARM_UP_CHUNK) { // made as sent: the bench's memory stays small
            publishArticles(bootstrap, articleRecords(corpus, 2_000_000 + first, Math.min(WARM_UP_CHUNK, articles - first)));
        }
        try (Admin admin = Clients.admin(bootstrap)) {
            awaitCaughtUp(admin, ExtractorConfig.DEFAULT_APPLICATION_ID, Topics.ARTICLES, t0);
            awaitCaughtUp(admin, AggregatorConfig.DEFAULT_APPLICATION_ID, Topics.METRICS, t0);
        }
        double seconds = TransportBench.seconds(t0);
        System.out.printf(Locale.ROOT, "  (warm-up, untimed: %d articles through the cold pipeline in %.1f s = %.0f articles/s)%n",
                articles, seconds, articles / seconds);
    }

    static void awaitReady(Pipeline pipeline) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!pipeline.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not become ready within 3 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until a Streams application has committed everything of its input topic. */
    static void awaitCaughtUp(Admin admin, String group, String topic, long t0) throws Exception {
        while (true) {
            long lag = Clients.lag(admin, group, topic);
            if (lag == 0) {
                return;
            }
            if (TransportBench.seconds(t0) > LIMIT.toSeconds()) {
                throw new IllegalStateException(group + " is still " + lag + " records behind on " + topic + " after " + LIMIT);
            }
            Thread.sleep(100);
        }
    }

    private static final byte[] ID_MEMBER = "\"id\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The event id: the value of the {@code "id"} member, which the MetricEvent JSON writes right after the
     * schema version. Found in the bytes, not by parsing or decoding: the counter shares the two cores with what
     * it measures. Null when there is no such member within the first 64 bytes or it is not a plain ASCII string.
     */
    static String idOf(byte[] json) {
        if (json == null) {
            return null;
        }
        int limit = Math.min(json.length, 64 + ID_MEMBER.length);
        for (int at = 0; at + ID_MEMBER.length <= limit; at++) {
            if (java.util.Arrays.equals(json, at, at + ID_MEMBER.length, ID_MEMBER, 0, ID_MEMBER.length)) {
                int start = at + ID_MEMBER.length;
                for (int end = start; end < json.length; end++) {
                    byte b = json[end];
                    if (b == '"') {
                        return new String(json, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
                    }
                    if (b == '\\' || b < 0x20) {
                        return null; // escaped or non-ASCII ids are not ours: counted by offset instead
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Counts the committed records of a dead-letter topic. */
    static final class DeadLetterCount {
        private DeadLetterCount() {
        }

        static long of(String bootstrap, String topic) {
            try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, true)) {
                var tps = Clients.assignFromStart(c, topic);
                var ends = c.endOffsets(tps);
                long n = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                    n += c.poll(Duration.ofMillis(200)).count();
                }
                return n;
            }
        }
    }
}
