package io.newsmetrics.bench;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import io.newsmetrics.aggregator.AggregatorConfig;
import org.apache.kafka.clients.admin.Admin;
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
 * record timestamp (Streams carries it to the metric events). Two measures:
 * <ul>
 *   <li>all metrics of an article committed by the aggregator: a read_committed reader of {@code metrics} notes
 *       where each article's events are, and the time an article counts is when the aggregator's committed
 *       offsets (polled every {@value #COMMIT_POLL_MS} ms) have passed all of them: its stores hold them and
 *       the transaction that put them there committed;</li>
 *   <li>over HTTP: for every {@code probeEvery}-th article (its first dated event), a client polls
 *       {@code GET /indicators/{key}/history?source=<article URL>&from=<period>&to=<period>} every
 *       {@value #PROBE_INTERVAL_MS} ms (every {@value #SLOW_PROBE_INTERVAL_MS} ms after the first second) until
 *       the id of the article's first event is there.</li>
 * </ul>
 * Before that, {@value #WARM_UP_ARTICLES} articles go through at full speed (JIT warm-up), and the first
 * {@code warmup} seconds of the steady rate are sent and probed but not measured (CPU included).
 */
final class FreshnessBench {
    static final int PROBE_INTERVAL_MS = 10;
    static final int WARM_UP_ARTICLES = 5_000;
    /** Seconds of the steady rate, probes included, sent before anything is measured. */
    static final int STEADY_WARM_UP_SECONDS = 10;
    /** After this long a probe polls every {@value #SLOW_PROBE_INTERVAL_MS} ms: it must not load what it measures. */
    static final int FAST_PROBE_MS = 1_000;
    static final int SLOW_PROBE_INTERVAL_MS = 100;
    static final int COMMIT_POLL_MS = 50;

    record Result(double rate, int measured, Percentiles visible, Percentiles committed, Percentiles http, String cpu) {
        String describe() {
            return String.format(Locale.ROOT, "freshness at %.0f articles/s: first metric over HTTP: %s%n"
                    + "  stages: first metric on `metrics` for read_committed readers (the extractor's transaction "
                    + "committed): %s; all metrics committed by the aggregator: %s%n  %s", rate, http, visible,
                    committed, cpu);
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
        int[] expectedEvents = new int[total];
        for (int i = 0; i < total; i++) {
            // offset the numbers so these articles are new to a broker that has seen the pipeline bench
            Article a = corpus.article(1_000_000 + i);
            articles.add(a);
            List<MetricEvent> events = extractor.extract(a);
            expectedEvents[i] = events.size();
            probes.add(i % probeEvery != 0 ? null : probeEvent(events));
        }
        try (Pipeline pipeline = Pipeline.start(PipelineBench.config(dir, partitions, tuning))) {
            PipelineBench.awaitReady(pipeline);
            String bootstrap = pipeline.bootstrapServers();
            PipelineBench.warmUp(bootstrap, corpus, WARM_UP_ARTICLES);
            long[] sentAt = new long[total];
            Map<Long, Integer> byTimestamp = new ConcurrentHashMap<>();
            Map<Integer, Long> lastCommitted = new ConcurrentHashMap<>();
            List<Long> httpLatencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();

            // where each article's events are: article -> highest offset + 1 per metrics partition
            Map<Integer, Map<Integer, Long>> eventEnds = new ConcurrentHashMap<>();
            Map<Integer, Integer> eventsSeen = new ConcurrentHashMap<>();
            Map<Integer, Long> firstVisible = new ConcurrentHashMap<>();
            KafkaConsumer<String, String> events = Clients.consumer(bootstrap, true);
            List<TopicPartition> tps = Clients.assignFromStart(events, Topics.METRICS);
            events.seekToEnd(tps);
            tps.forEach(events::position); // resolve the end now, before anything is sent
            Thread collector = new Thread(() -> {
                try (events) {
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(100))) {
                            Integer article = byTimestamp.get(r.timestamp());
                            if (article != null) {
                                firstVisible.putIfAbsent(article, System.currentTimeMillis());
                                eventEnds.computeIfAbsent(article, k -> new ConcurrentHashMap<>())
                                        .merge(r.partition(), r.offset() + 1, Math::max);
                                eventsSeen.merge(article, 1, Integer::sum);
                            }
                        }
                    }
                }
            }, "bench-freshness-events");
            collector.start();
            Thread committer = new Thread(() -> {
                try (Admin admin = Clients.admin(bootstrap)) {
                    while (!stop.get()) {
                        Map<Integer, Long> committedNow = new java.util.HashMap<>();
                        admin.listConsumerGroupOffsets(AggregatorConfig.DEFAULT_APPLICATION_ID)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).forEach((tp, om) -> {
                                    if (tp.topic().equals(Topics.METRICS) && om != null) {
                                        committedNow.put(tp.partition(), om.offset());
                                    }
                                });
                        long now = System.currentTimeMillis();
                        eventEnds.forEach((article, ends) -> {
                            // all of the article's events read (a poll may bring one partition's share first)
                            if (!lastCommitted.containsKey(article)
                                    && eventsSeen.getOrDefault(article, 0) >= expectedEvents[article]
                                    && ends.entrySet().stream().allMatch(
                                    e -> committedNow.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                                lastCommitted.put(article, now);
                            }
                        });
                        Thread.sleep(COMMIT_POLL_MS);
                    }
                } catch (Exception e) {
                    if (!stop.get()) {
                        System.out.println("  WARNING: reading the aggregator's committed offsets failed: " + e);
                    }
                }
            }, "bench-freshness-commits");
            committer.start();

            Api api = new Api(pipeline.httpPort());
            ExecutorService probePool = Executors.newFixedThreadPool(8);
            long periodNanos = (long) (1e9 / rate);
            long lastTs = 0;
            List<Long> unmeasured = Collections.synchronizedList(new ArrayList<>());
            CpuAccount cpu = null;
            try (KafkaProducer<String, String> producer = Clients.producer(bootstrap, 0)) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (i == firstMeasured) {
                        cpu = CpuAccount.start(); // the steady state only, as the latencies
                    }
                    long ts = Math.max(System.currentTimeMillis(), lastTs + 1); // unique per article
                    lastTs = ts;
                    sentAt[i] = ts;
                    byTimestamp.put(ts, i);
                    Article a = articles.get(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, null, ts, a.canonicalUrl(), Json.write(a)));
                    MetricEvent probe = probes.get(i);
                    if (probe != null) {
                        // probed in the unmeasured seconds too: the JIT then compiles the query path before
                        // it is measured, as it would have in a server that has been up for a while
                        long sent = ts;
                        List<Long> into = i >= firstMeasured ? httpLatencies : unmeasured;
                        probePool.submit(() -> probe(api, probe, sent, into));
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
            String cpuSpent = cpu == null ? "no CPU figures: nothing measured" : cpu.describe(total - firstMeasured, "article");
            stop.set(true);
            collector.join();
            committer.join();
            return new Result(rate, total - firstMeasured, since(firstVisible, sentAt, firstMeasured),
                    since(lastCommitted, sentAt, firstMeasured), Percentiles.of(httpLatencies), cpuSpent);
        }
    }

    /**
     * The event a probe waits for: the article's first dated one, so the query reads one period of the key.
     * Without a period the query scans all undated observations of the key (the history store is ordered by
     * period, not source): on a key that every copy of a corpus page reports, that scan alone took 70-250 ms per
     * request and measured the query rather than the pipeline. Null when none is dated.
     */
    static MetricEvent probeEvent(List<MetricEvent> events) {
        return events.stream().filter(e -> e.period() != null && !e.period().isBlank()).findFirst().orElse(null);
    }

    /** Percentiles of {@code at[i] - sentAt[i]} over the measured articles that have a time. */
    private static Percentiles since(Map<Integer, Long> at, long[] sentAt, int firstMeasured) {
        List<Long> millis = new ArrayList<>();
        for (int i = firstMeasured; i < sentAt.length; i++) {
            Long t = at.get(i);
            if (t != null) {
                millis.add(t - sentAt[i]);
            }
        }
        return Percentiles.of(millis);
    }

    private static void probe(Api api, MetricEvent event, long sentAt, List<Long> out) {
        // only what this article reported for the key, as a client checking one fact would ask: a busy key's
        // whole history is tens of KB of JSON, and polling it a hundred times a second loaded the machine measured
        // (the period bounds the store scan to that period's observations, the source the answer to one)
        String period = "&from=" + event.period() + "&to=" + event.period(); // dated: see probeEvent
        String path = Api.historyPath(event.key()) + "?source="
                + java.net.URLEncoder.encode(event.source().url(), java.nio.charset.StandardCharsets.UTF_8) + period;
        long deadline = System.currentTimeMillis() + 10_000; // an event the aggregator refused never shows
        try {
            while (System.currentTimeMillis() < deadline) {
                HttpResponse<String> r = api.get(path);
                if (r.statusCode() == 200 && r.body().contains("\"" + event.id() + "\"")) {
                    out.add(System.currentTimeMillis() - sentAt);
                    return;
                }
                Thread.sleep(System.currentTimeMillis() - sentAt < FAST_PROBE_MS ? PROBE_INTERVAL_MS : SLOW_PROBE_INTERVAL_MS);
            }
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
