package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.ingest.IngestConfig;
import io.newsmetrics.ingest.IngestService;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest against a web server that fails in every way it can: always 500, 503 twice then fine, 404, an answer
 * that never comes, a body that drips one byte at a time, a port where nobody listens. Each URL ends in exactly
 * one outcome (an article, or a dead letter with the right reason) after the configured retries, the good pages
 * sent after the bad ones are not held up, and no worker stays busy at the end.
 */
class SlowWebServerTest {
    private static final int ATTEMPTS = 3;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldRetryDeadLetterAndFinishEveryUrlWithoutStuckWorkers(@TempDir Path dir) throws Exception {
        byte[] page;
        try (InputStream in = getClass().getResourceAsStream("/demo/eu-wind-power-2025.html")) {
            page = in.readAllBytes();
        }
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService siteThreads = Executors.newFixedThreadPool(16);
        site.setExecutor(siteThreads);
        site.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (ex) {
                if (path.startsWith("/fail")) {
                    send(ex, 500, "text/plain", "broken".getBytes());
                } else if (path.startsWith("/missing")) {
                    send(ex, 404, "text/plain", "no such page".getBytes());
                } else if (path.startsWith("/flaky") && hit <= 2) {
                    ex.getResponseHeaders().set("Retry-After", "0");
                    send(ex, 503, "text/plain", "busy".getBytes());
                } else if (path.startsWith("/hang")) {
                    sleep(20_000); // longer than the request timeout, every time
                } else if (path.startsWith("/drip")) {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, page.length);
                    OutputStream out = ex.getResponseBody();
                    for (int i = 0; i < page.length && i < 200; i++) {
                        out.write(page[i]);
                        out.flush();
                        sleep(100);
                    }
                } else {
                    send(ex, 200, "text/html; charset=utf-8", page);
                }
            } catch (IOException e) {
                // the client gave up: expected for /hang and /drip
            }
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        int closedPort = FaultKit.freePort();

        FetchSettings fetch = FetchSettings.defaults()
                .withRespectRobots(false)
                .withPolitenessDelay(Duration.ZERO)
                .withPerHostConcurrency(8)
                .withAllowLoopback(true)
                .withConnectTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofMillis(1500))
                .withMaxAttempts(ATTEMPTS)
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(500));
        Map<String, String> expectedReasons = Map.of(
                base + "/fail/1", "HTTP_STATUS",
                base + "/missing/1", "HTTP_STATUS",
                base + "/hang/1", "TIMEOUT",
                base + "/drip/1", "TIMEOUT",
                "http://127.0.0.1:" + closedPort + "/nobody", "CONNECTION_FAILED");
        List<String> good = List.of(base + "/flaky/1", base + "/good/1", base + "/good/2", base + "/good/3", base + "/good/4");

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensureTopics(bootstrap, 3, (short) 1);
            try (IngestService ingest = IngestService.start(IngestConfig.defaults(bootstrap).withFetch(fetch))) {
                long t0 = System.nanoTime();
                try (KafkaProducer<String, String> producer = FaultKit.producer(bootstrap)) {
                    for (String url : expectedReasons.keySet()) {
                        producer.send(new ProducerRecord<>(Topics.NEWS_URLS, url, url));
                    }
                    for (String url : good) {
                        producer.send(new ProducerRecord<>(Topics.NEWS_URLS, url, url));
                    }
                }
                FaultKit.await("an outcome for every URL", Duration.ofSeconds(90), () ->
                        FaultKit.readAll(bootstrap, Topics.ARTICLES, false).size()
                                + FaultKit.readAll(bootstrap, Topics.NEWS_URLS_DLQ, false).size() >= expectedReasons.size() + good.size());
                double seconds = (System.nanoTime() - t0) / 1e9;

                List<ConsumerRecord<String, String>> articles = FaultKit.readAll(bootstrap, Topics.ARTICLES, false);
                assertEquals(good.size(), articles.size(), "one article per good URL");
                for (String url : good) {
                    assertTrue(articles.stream().anyMatch(r -> r.value().contains("\"url\":\"" + url + "\"")), "no article for " + url);
                }
                Map<String, String> reasons = new HashMap<>();
                for (ConsumerRecord<String, String> r : FaultKit.readAll(bootstrap, Topics.NEWS_URLS_DLQ, false)) {
                    JsonNode dl = Json.mapper().readTree(r.value());
                    String previous = reasons.put(dl.path("url").asText(), dl.path("reason").asText());
                    assertEquals(null, previous, "two dead letters for " + dl.path("url").asText());
                }
                assertEquals(expectedReasons, reasons, "dead letters by URL");
                assertEquals(ATTEMPTS, hits.get("/fail/1").get(), "a 500 is tried maxAttempts times");
                assertEquals(1, hits.get("/missing/1").get(), "a 404 is not retried");
                assertEquals(3, hits.get("/flaky/1").get(), "503, 503, then 200");
                assertTrue(seconds < 60, "took " + seconds + " s");
                FaultKit.await("no URL in flight", Duration.ofSeconds(10), () -> ingest.stats().get("inFlight") == 0
                        && ingest.stats().get("inProgress") == 0);
            }
        } finally {
            site.stop(0);
            siteThreads.shutdownNow();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
