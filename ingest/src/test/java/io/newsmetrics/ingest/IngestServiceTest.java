package io.newsmetrics.ingest;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.DeadLetter;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestServiceTest {
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static TestSite site;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), 3, (short) 1);
        site = new TestSite()
                .page("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n")
                .page("/news/1", 200, "text/html; charset=utf-8",
                        TestSite.article("Inflation eases", "Inflation fell to 2.1% in June.", "Prices rose less."))
                .page("/missing", 404, "text/html", "<p>gone</p>")
                .page("/private/x", 200, "text/html", TestSite.article("Secret", "Hidden text."));
    }

    @AfterAll
    static void stop() {
        site.close();
        kafka.close();
    }

    private static IngestConfig config() {
        return IngestConfig.defaults(kafka.bootstrapServers())
                .withApplicationId("ingest-test-" + UUID.randomUUID())
                .withFetch(FetchSettings.defaults().withAllowLoopback(true).withPolitenessDelay(Duration.ZERO)
                        .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @Test
    void shouldTurnUrlsIntoArticlesAndFailuresIntoDeadLetters() throws Exception {
        String ok = site.url("/news/1");
        String missing = site.url("/missing");
        String disallowed = site.url("/private/x");
        try (IngestService service = IngestService.start(config());
             UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            publisher.publish(UrlRequest.of(ok));
            publisher.publish(UrlRequest.of(missing));
            publisher.publish(UrlRequest.of(disallowed));
            assertThrows(IllegalArgumentException.class, () -> publisher.publish(UrlRequest.of("ftp://example.org/x")));
            assertEquals(3, publisher.flush());

            List<ConsumerRecord<String, String>> articles = readUntil(Topics.ARTICLES, r -> r.key().equals(ok), 1);
            Article a = Json.read(articles.get(0).value(), Article.class);
            assertEquals("Inflation eases", a.title());
            assertTrue(a.text().contains("Inflation fell to 2.1% in June."), a.text());

            List<DeadLetter> dls = new ArrayList<>();
            for (ConsumerRecord<String, String> r : readUntil(Topics.NEWS_URLS_DLQ,
                    r -> r.key() != null && (r.key().equals(missing) || r.key().equals(disallowed)), 2)) {
                dls.add(Json.read(r.value(), DeadLetter.class));
            }
            DeadLetter notFound = dls.stream().filter(d -> missing.equals(d.url())).findFirst().orElseThrow();
            assertEquals("HTTP_STATUS", notFound.reason());
            assertTrue(notFound.detail().contains("404"), notFound.detail());
            assertEquals(Topics.NEWS_URLS, notFound.sourceTopic());
            assertNotNull(notFound.time());
            DeadLetter robots = dls.stream().filter(d -> disallowed.equals(d.url())).findFirst().orElseThrow();
            assertEquals("ROBOTS_DISALLOWED", robots.reason());
            assertEquals(0, site.count("/private/x"), "a disallowed page is never requested");
            awaitStat(service, "deadLetters", 2);
            assertTrue(service.stats().get("articles") >= 1, service.stats().toString());
        }
    }

    @Test
    void shouldDeadLetterMalformedRecordsAndIngestFileUrlsAndPlainValues(@TempDir Path files) throws Exception {
        Path file = files.resolve("story.txt");
        Files.writeString(file, "date 2025-07-25 https://example.org/story\nRates held\n\nThe bank kept rates at 4%.\n");
        String bad = "not a url " + UUID.randomUUID();
        try (IngestService service = IngestService.start(config());
             KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(Topics.NEWS_URLS, null, bad)).get();
            raw.send(new ProducerRecord<>(Topics.NEWS_URLS, null, file.toUri().toString())).get();

            DeadLetter dl = Json.read(readUntil(Topics.NEWS_URLS_DLQ,
                    r -> r.value().contains(bad.substring(10)), 1).get(0).value(), DeadLetter.class);
            assertEquals("INVALID_URL", dl.reason());
            assertEquals(bad, dl.payload());

            Article a = Json.read(readUntil(Topics.ARTICLES,
                    r -> "https://example.org/story".equals(r.key()), 1).get(0).value(), Article.class);
            assertEquals("Rates held", a.title());
            assertEquals("2025-07-25", a.publishedAt());
        }
    }

    @Test
    void shouldAcceptUrlsOverHttpAndRejectBadLinesWithReasons() throws Exception {
        try (IngestService service = IngestService.start(config())) {
            var handler = service.routes().get("/urls");
            assertNotNull(handler);
            var server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), 0), 10);
            server.createContext("/urls", handler);
            server.start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/urls");
                String page = site.url("/news/1") + "?via=http";
                HttpResponse<String> ok = client.send(HttpRequest.newBuilder(endpoint)
                        .POST(HttpRequest.BodyPublishers.ofString(page + "\n\n# comment\n")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, ok.statusCode(), ok.body());
                assertTrue(ok.body().contains("\"accepted\":1"), ok.body());

                HttpResponse<String> bad = client.send(HttpRequest.newBuilder(endpoint)
                        .POST(HttpRequest.BodyPublishers.ofString("[\"" + page + "\", \"ftp://x/y\", {\"url\": \"file:///etc/passwd\"}]")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, bad.statusCode(), bad.body());
                assertTrue(bad.body().contains("\"line\":2") && bad.body().contains("\"line\":3"), bad.body());
                assertTrue(bad.body().contains("ftp"), bad.body());

                HttpResponse<String> get = client.send(HttpRequest.newBuilder(endpoint).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(405, get.statusCode());
                HttpResponse<String> empty = client.send(HttpRequest.newBuilder(endpoint)
                        .POST(HttpRequest.BodyPublishers.ofString("\n# nothing\n")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, empty.statusCode());

                readUntil(Topics.ARTICLES, r -> r.value().contains("via=http"), 1);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void shouldSkipRepeatsWithinTheWindowAndRefetchConditionallyWhenForced() throws Exception {
        site.route("/dup", ex -> {
            if ("\"d1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().set("ETag", "\"d1\"");
                TestSite.send(ex, 200, "text/html", TestSite.article("Dup", "GDP grew 1.2%."));
            }
        });
        String url = site.url("/dup");
        try (IngestService service = IngestService.start(config());
             UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            publisher.publish(UrlRequest.of(url));
            publisher.flush();
            readUntil(Topics.ARTICLES, r -> r.key().equals(url), 1);
            publisher.publish(UrlRequest.of(url));
            publisher.flush();
            awaitStat(service, "duplicatesSkipped", 1);
            assertEquals(1, site.count("/dup"));
            publisher.publish(new UrlRequest(url, true));
            publisher.flush();
            awaitStat(service, "notModified", 1);
            assertEquals(2, site.count("/dup"));
            assertEquals("\"d1\"", site.exchanges().stream().filter(x -> x.path().equals("/dup"))
                    .reduce((a, b) -> b).orElseThrow().ifNoneMatch());
        }
    }

    @Test
    void shouldLoseNoAcceptedUrlAcrossARestart() throws Exception {
        int n = 6;
        String prefix = "/slow-" + UUID.randomUUID() + "/";
        site.route(prefix, ex -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestSite.send(ex, 200, "text/html", TestSite.article("Slow " + ex.getRequestURI().getPath(), "Rates at 5%."));
        });
        IngestConfig config = config()
                .withFetch(config().fetch().withPerHostConcurrency(1))
                .withShutdownTimeout(Duration.ofMillis(100));
        try (UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            for (int i = 0; i < n; i++) {
                publisher.publish(UrlRequest.of(site.url(prefix + i)));
            }
            publisher.flush();
        }
        try (IngestService first = IngestService.start(config)) {
            awaitStat(first, "articles", 1);
        } // stops with URLs unfinished: their offsets are not committed
        try (IngestService second = IngestService.start(config)) {
            List<ConsumerRecord<String, String>> all = readUntil(Topics.ARTICLES, r -> r.key().contains(prefix), n);
            assertEquals(n, all.stream().map(ConsumerRecord::key).distinct().count());
        }
    }

    @Test
    void shouldDeadLetterArticlesTooLargeForTheTopic() throws Exception {
        String huge = site.url("/huge");
        String paragraph = "The index rose by 0.4 points in the month. ".repeat(100);
        site.page("/huge", 200, "text/html", TestSite.article("Huge", java.util.Collections.nCopies(700, paragraph)
                .toArray(String[]::new)));
        try (IngestService service = IngestService.start(config());
             UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            publisher.publish(UrlRequest.of(huge));
            publisher.flush();
            DeadLetter dl = Json.read(readUntil(Topics.NEWS_URLS_DLQ, r -> huge.equals(r.key()), 1).get(0).value(),
                    DeadLetter.class);
            assertEquals("PRODUCE_FAILED", dl.reason());
            assertTrue(dl.detail().contains(Topics.ARTICLES), dl.detail());
        }
    }

    @Test
    void shouldIngestTheArticlesOfPolledFeeds() throws Exception {
        String story = site.url("/feed-story");
        site.page("/feed-story", 200, "text/html", TestSite.article("From the feed", "Exports rose 4%."));
        site.page("/feed.xml", 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>T</title><item><title>S</title><link>" + story + "</link></item></channel></rss>");
        try (IngestService service = IngestService.start(config().withFeeds(List.of(site.url("/feed.xml"))))) {
            Article a = Json.read(readUntil(Topics.ARTICLES, r -> r.key().equals(story), 1).get(0).value(), Article.class);
            assertEquals("From the feed", a.title());
            assertTrue(service.stats().get("feedLinks") >= 1);
        }
    }

    static void awaitStat(IngestService service, String name, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (service.stats().get(name) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(service.stats().get(name) >= atLeast, name + " reached only " + service.stats());
    }

    /** Reads a topic from the start until {@code count} records match, or fails after 60 s. */
    static List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                          int count) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
            assertTrue(found.size() >= count, "expected " + count + " matching records on " + topic + ", found " + found.size());
            return found;
        }
    }
}
