package io.newsmetrics.bench;

import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.ingest.IngestConfig;
import io.newsmetrics.ingest.IngestService;
import io.newsmetrics.ingest.UrlRequests;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest end to end: N URLs on {@code news-urls}, each a page of the article-extraction set served by a local
 * web server, until N articles (or dead letters) are on {@code articles} / {@code news-urls-dlq}. Politeness is
 * off (no robots.txt, no delay between requests to the one host) and loopback is explicitly allowed: this
 * measures fetching, parsing and producing, not waiting.
 */
final class IngestBench {
    record Result(int urls, double seconds, long articles, long deadLetters, Map<String, Long> stats) {
        String describe() {
            return String.format(Locale.ROOT, "ingest: %d URLs from a local web server -> %d articles, %d dead letters "
                    + "in %.1f s = %.0f URLs/s (politeness off, %d fetch workers)", urls, articles, deadLetters, seconds,
                    urls / seconds, CONCURRENCY);
        }
    }

    static final int CONCURRENCY = 32;

    private IngestBench() {
    }

    /** The fetch settings of the benchmark: the defaults with politeness off and loopback allowed. */
    static FetchSettings fetchSettings() {
        return FetchSettings.defaults()
                .withRespectRobots(false)
                .withPolitenessDelay(Duration.ZERO)
                .withPerHostConcurrency(CONCURRENCY)
                .withGlobalConcurrency(CONCURRENCY)
                .withAllowLoopback(true);
    }

    static Result run(Path dir, Path shared, int n) throws Exception {
        List<byte[]> pages = loadPages(shared.resolve("eval/article-extraction/html"));
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService siteThreads = Executors.newFixedThreadPool(8);
        site.setExecutor(siteThreads);
        site.createContext("/p/", ex -> {
            String path = ex.getRequestURI().getPath();
            int i;
            try {
                i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1).replace(".html", ""));
            } catch (NumberFormatException e) {
                i = 0;
            }
            byte[] body = pages.get(Math.floorMod(i, pages.size()));
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensureTopics(bootstrap, 3, (short) 1);
            AtomicLong articles = new AtomicLong();
            AtomicLong deadLetters = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread counter = new Thread(() -> {
                try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, false)) {
                    var tps = new java.util.ArrayList<>(Clients.assignFromStart(c, Topics.ARTICLES));
                    tps.addAll(c.partitionsFor(Topics.NEWS_URLS_DLQ).stream()
                            .map(p -> new org.apache.kafka.common.TopicPartition(Topics.NEWS_URLS_DLQ, p.partition())).toList());
                    c.assign(tps);
                    c.seekToBeginning(tps);
                    while (!stop.get()) {
                        c.poll(Duration.ofMillis(100)).forEach(r ->
                                (r.topic().equals(Topics.ARTICLES) ? articles : deadLetters).incrementAndGet());
                    }
                }
            }, "bench-ingest-counter");
            counter.start();
            IngestConfig config = IngestConfig.defaults(bootstrap).withFetch(fetchSettings());
            try (IngestService ingest = IngestService.start(config)) {
                String base = "http://127.0.0.1:" + site.getAddress().getPort() + "/p/";
                long t0 = System.nanoTime();
                try (KafkaProducer<String, String> producer = Clients.producer(bootstrap, 5)) {
                    for (int i = 0; i < n; i++) {
                        String url = base + i + ".html";
                        // keyed as the CLI and POST /urls publish: the ingest service moves other keys there first
                        producer.send(new ProducerRecord<>(Topics.NEWS_URLS, UrlRequests.keyOf(UrlRequest.of(url)), url));
                    }
                }
                while (articles.get() + deadLetters.get() < n) {
                    if (TransportBench.seconds(t0) > 600) {
                        throw new IllegalStateException("only " + (articles.get() + deadLetters.get()) + " of " + n
                                + " URLs done in 600 s; ingest stats " + ingest.stats());
                    }
                    Thread.sleep(20);
                }
                double seconds = TransportBench.seconds(t0);
                stop.set(true);
                counter.join();
                return new Result(n, seconds, articles.get(), deadLetters.get(), ingest.stats());
            }
        } finally {
            site.stop(0);
            siteThreads.shutdownNow();
        }
    }

    private static List<byte[]> loadPages(Path htmlDir) {
        try (var files = Files.list(htmlDir)) {
            List<Path> paths = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            List<byte[]> out = new java.util.ArrayList<>();
            for (Path p : paths) {
                out.add(Files.readAllBytes(p));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no .html pages in " + htmlDir);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pages in " + htmlDir, e);
        }
    }
}
