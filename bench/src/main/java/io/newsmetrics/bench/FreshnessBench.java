package io.newsmetrics.bench;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Freshness at a steady rate: articles go to {@code articles} at {@code rate}/s, each with its send time as the
 * record timestamp (Streams carries it to the metric events and to {@code indicators-latest}). Two measures:
 * <ul>
 *   <li>all metrics of an article committed by the aggregator: the arrival of the last {@code indicators-latest}
 *       record carrying that article's timestamp, read with read_committed (a record there means the aggregator's
 *       store holds the event and its transaction committed);</li>
 *   <li>over HTTP: for every {@code probeEvery}-th article, a client polls {@code GET /indicators/{key}/history}
 *       every {@value #PROBE_INTERVAL_MS} ms until the article's first event id is there.</li>
 * </ul>
 * The first {@code warmup} seconds are sent but not measured.
 */
final class FreshnessBench {
    static final int PROBE_INTERVAL_MS = 10;

    record Result(double rate, int measured, Percentiles committed, Percentiles http) {
        String describe() {
            return String.format(Locale.ROOT, "freshness at %.0f articles/s: all metrics committed: %s; "
                    + "first metric over HTTP: %s", rate, committed, http);
        }
    }

    record Percentiles(int count, double p50, double p90, double p99, double max) {
        static Percentiles of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Long> s = new ArrayList<>(millis);
            Collections.sort(s);
            return new Percentiles(s.size(), at(s, 0.50), at(s, 0.90), at(s, 0.99), s.get(s.size() - 1));
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)", p50, p90, p99, max, count);
        }
    }

    private FreshnessBench() {
    }

    static Result run(Path dir, Corpus corpus, double rate, int seconds, int warmup, int probeEvery, int partitions,
                      io.newsmetrics.launcher.PipelineConfig.Tuning tuning)
            throws Exception {
        int total = (int) Math.round(rate * (seconds + warmup));
        int firstMeasured = (int) Math.round(rate * warmup);
        MetricExtractor extractor = MetricExtractor.create();
        List<Article> articles = new ArrayList<>(total);
        List<MetricEvent> probes = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            // offset the numbers so these articles are new to a broker that has seen the pipeline bench
            Article a = corpus.article(1_000_000 + i);
            articles.add(a);
            List<MetricEvent> events = i % probeEvery == 0 ? extractor.extract(a) : List.of();
            probes.add(events.isEmpty() ? null : events.get(0));
        }
        try (Pipeline pipeline = Pipeline.start(PipelineBench.config(dir, partitions, tuning))) {
            PipelineBench.awaitReady(pipeline);
            String bootstrap = pipeline.bootstrapServers();
            long[] sentAt = new long[total];
            Map<Long, Integer> byTimestamp = new ConcurrentHashMap<>();
            Map<Integer, Long> lastCommitted = new ConcurrentHashMap<>();
            List<Long> httpLatencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();

            KafkaConsumer<String, String> latest = Clients.consumer(bootstrap, true);
            List<TopicPartition> tps = latest.partitionsFor(Topics.INDICATORS_LATEST).stream()
                    .map(p -> new TopicPartition(Topics.INDICATORS_LATEST, p.partition())).toList();
            latest.assign(tps);
            latest.seekToEnd(tps);
            tps.forEach(latest::position); // resolve the end now, before anything is sent
            Thread collector = new Thread(() -> {
                try (latest) {
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> r : latest.poll(Duration.ofMillis(100))) {
                            long now = System.currentTimeMillis();
                            Integer article = byTimestamp.get(r.timestamp());
                            if (article != null) {
                                lastCommitted.merge(article, now, Math::max);
                            }
                        }
                    }
                }
            }, "bench-freshness-collector");
            collector.start();

            Api api = new Api(pipeline.httpPort());
            ExecutorService probePool = Executors.newFixedThreadPool(8);
            long periodNanos = (long) (1e9 / rate);
            long lastTs = 0;
            try (KafkaProducer<String, String> producer = Clients.producer(bootstrap, 0)) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long ts = Math.max(System.currentTimeMillis(), lastTs + 1); // unique per article
                    lastTs = ts;
                    sentAt[i] = ts;
                    byTimestamp.put(ts, i);
                    Article a = articles.get(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, null, ts, a.canonicalUrl(), Json.write(a)));
                    MetricEvent probe = probes.get(i);
                    if (probe != null && i >= firstMeasured) {
                        long sent = ts;
                        probePool.submit(() -> probe(api, probe, sent, httpLatencies));
                    }
                }
                producer.flush();
            }
            probePool.shutdown();
            probePool.awaitTermination(2, TimeUnit.MINUTES);
            // quiet period: the last articles' metrics arrive
            int before = -1;
            while (before != lastCommitted.size()) {
                before = lastCommitted.size();
                Thread.sleep(3000);
            }
            stop.set(true);
            collector.join();
            List<Long> committed = new ArrayList<>();
            for (int i = firstMeasured; i < total; i++) {
                Long at = lastCommitted.get(i);
                if (at != null) {
                    committed.add(at - sentAt[i]);
                }
            }
            return new Result(rate, total - firstMeasured, Percentiles.of(committed), Percentiles.of(httpLatencies));
        }
    }

    private static void probe(Api api, MetricEvent event, long sentAt, List<Long> out) {
        String path = Api.historyPath(event.key());
        long deadline = System.currentTimeMillis() + 10_000; // an event the aggregator refused never shows
        try {
            while (System.currentTimeMillis() < deadline) {
                HttpResponse<String> r = api.get(path);
                if (r.statusCode() == 200 && r.body().contains("\"" + event.id() + "\"")) {
                    out.add(System.currentTimeMillis() - sentAt);
                    return;
                }
                Thread.sleep(PROBE_INTERVAL_MS);
            }
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
