package io.newsmetrics.ingest;

import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.ingest.fetch.HostResolver;
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
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
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
            // not the notModified counter alone: records of other tests read from the start can move it too
            awaitCondition(() -> site.count("/dup") >= 2, "the forced request");
            awaitStat(service, "notModified", 1);
            awaitIdle(service);
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

    /** A server page with ETag and Last-Modified that answers 304 to its ETag; logs the validators each request sent. */
    private static List<List<String>> conditionalPage(String path, String title) {
        List<List<String>> sent = new CopyOnWriteArrayList<>();
        site.route(path, ex -> {
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
            sent.add(Arrays.asList(ifNoneMatch, ifModifiedSince));
            if ("\"v7\"".equals(ifNoneMatch)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v7\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
            TestSite.send(ex, 200, "text/html", TestSite.article(title, "Output rose 3% in the quarter."));
        });
        return sent;
    }

    @Test
    void shouldNotFetchAgainAfterARestartAndSendTheStoredValidatorsWhenForced() throws Exception {
        String path = "/restart-" + UUID.randomUUID();
        List<List<String>> sent = conditionalPage(path, "Restart");
        String url = site.url(path);
        IngestConfig config = config(); // one group for both instances
        try (UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            try (IngestService first = IngestService.start(config)) {
                publisher.publish(UrlRequest.of(url));
                publisher.flush();
                readUntil(Topics.ARTICLES, r -> r.key().equals(url), 1);
            } // close waits for the dedupe entry to be written
            try (IngestService second = IngestService.start(config)) {
                publisher.publish(UrlRequest.of(url));
                publisher.publish(new UrlRequest(url, true)); // same partition: processed after the plain one
                publisher.flush();
                awaitCondition(() -> sent.size() >= 2, "the forced request");
                awaitStat(second, "notModified", 1);
                awaitIdle(second);
                assertEquals(2, site.count(path), "the plain request after the restart was skipped: " + sent);
                assertEquals(Arrays.asList(null, null), sent.get(0));
                assertEquals(List.of("\"v7\"", "Wed, 21 Oct 2026 07:28:00 GMT"), sent.get(1),
                        "the forced request is conditional with the validators of the first instance's fetch");
                assertTrue(second.stats().get("dedupeLoaded") >= 1, second.stats().toString());
            }
        }
    }

    @Test
    void shouldIgnoreFetchesOlderThanTheWindowAfterARestart() throws Exception {
        String prefix = "/window-" + UUID.randomUUID();
        String old = site.url(prefix + "/old");
        String fresh = site.url(prefix + "/fresh");
        site.page(prefix + "/old", 200, "text/html", TestSite.article("Old", "Rates fell to 3%."));
        site.page(prefix + "/fresh", 200, "text/html", TestSite.article("Fresh", "Rates rose to 4%."));
        IngestConfig config = config().withDedupeWindow(Duration.ofMinutes(10));
        MovableClock clock = new MovableClock(Duration.ofMinutes(-20));
        try (UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers())) {
            try (IngestService first = IngestService.start(config, TEST_HOSTS, clock)) {
                publisher.publish(UrlRequest.of(old));
                publisher.flush();
                readUntil(Topics.ARTICLES, r -> r.key().equals(old), 1);
                clock.offset = Duration.ZERO; // the first fetch is now 20 minutes old, twice the window
                publisher.publish(UrlRequest.of(fresh));
                publisher.flush();
                readUntil(Topics.ARTICLES, r -> r.key().equals(fresh), 1);
            }
            try (IngestService second = IngestService.start(config)) {
                publisher.publish(UrlRequest.of(fresh));
                publisher.publish(UrlRequest.of(old));
                publisher.flush();
                awaitCondition(() -> site.count(prefix + "/old") >= 2, "the old URL fetched again");
                awaitIdle(second);
                assertEquals(2, site.count(prefix + "/old"));
                assertEquals(1, site.count(prefix + "/fresh"), "a fetch within the window is still remembered");
            }
        }
    }

    @Test
    void shouldFetchEachUrlOnceWithTwoInstancesInOneGroupAndAcrossRebalances() throws Exception {
        String prefix = "/multi-" + UUID.randomUUID();
        site.route(prefix + "/", ex -> TestSite.send(ex, 200, "text/html",
                TestSite.article("Multi " + ex.getRequestURI().getPath(), "Sales grew 2%.")));
        int hosts = 12;
        List<String> urls = new ArrayList<>();
        Set<Integer> partitions = new HashSet<>();
        for (int i = 0; i < hosts; i++) {
            String url = "http://h" + i + ".test:" + site.port() + prefix + "/" + i;
            urls.add(url);
            partitions.add(Utils.toPositive(Utils.murmur2(UrlRequests.keyOf(UrlRequest.of(url))
                    .getBytes(StandardCharsets.UTF_8))) % 3);
        }
        assertEquals(3, partitions.size(), "the hosts cover every partition of news-urls");
        IngestConfig config = config();
        try (UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers());
             IngestService a = IngestService.start(config, TEST_HOSTS)) {
            try (IngestService b = IngestService.start(config, TEST_HOSTS)) {
                awaitSharing(a, b);
                publishAndSettle(publisher, urls, prefix, "round1");
                publishAndSettle(publisher, urls, prefix, "round2");
                assertTrue(a.stats().get("articles") > 0 && b.stats().get("articles") > 0,
                        "both instances worked: " + a.stats() + " " + b.stats());
                assertEachFetchedOnce(urls, prefix);
            } // b's partitions move to a, which reads their fetches from the log
            awaitCondition(() -> a.stats().get("assignedPartitions") == 3, "a owning every partition");
            publishAndSettle(publisher, urls, prefix, "round3");
            assertEachFetchedOnce(urls, prefix);
            try (IngestService c = IngestService.start(config, TEST_HOSTS)) {
                awaitSharing(a, c); // partitions move from a live instance to a new one
                publishAndSettle(publisher, urls, prefix, "round4");
                assertEachFetchedOnce(urls, prefix);
                assertTrue(c.stats().get("duplicatesSkipped") > 0, "c skipped what a fetched: " + c.stats());
            }
        }
    }

    @Test
    void shouldFetchOnceAUrlWrittenToEveryPartitionWithoutItsKey() throws Exception {
        String path = "/keyless-" + UUID.randomUUID();
        site.page(path, 200, "text/html", TestSite.article("Keyless", "Imports fell 1%."));
        site.page(path + "-after", 200, "text/html", TestSite.article("After", "Exports rose 2%."));
        String url = site.url(path);
        IngestConfig config = config();
        try (IngestService a = IngestService.start(config);
             IngestService b = IngestService.start(config);
             UrlPublisher publisher = UrlPublisher.create(kafka.bootstrapServers());
             KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            awaitSharing(a, b); // so some partition other than the URL's own belongs to the other instance
            publisher.publish(UrlRequest.of(url));
            publisher.flush();
            readUntil(Topics.ARTICLES, r -> r.key().equals(url), 1);
            for (int partition = 0; partition < 3; partition++) {
                String key = partition == 0 ? null : "some-other-key-" + partition;
                raw.send(new ProducerRecord<>(Topics.NEWS_URLS, partition, key, url)).get();
            }
            // each copy is moved to the URL's own partition, where the first fetch is known
            awaitCondition(() -> a.stats().get("rerouted") + b.stats().get("rerouted") >= 3, "three copies moved");
            publisher.publish(UrlRequest.of(site.url(path + "-after"))); // same host, so after the moved copies
            publisher.flush();
            awaitCondition(() -> site.count(path + "-after") >= 1, "a later request on the same host");
            awaitIdle(a);
            awaitIdle(b);
            assertEquals(1, site.count(path), "copies on other partitions, owned by another instance, were skipped");
        }
    }

    /** Maps made-up {@code .test} names to 127.0.0.1, so URLs of many hosts spread over the partitions. */
    static final HostResolver TEST_HOSTS = host -> host.endsWith(".test")
            ? List.of(InetAddress.getByName("127.0.0.1")) : HostResolver.SYSTEM.resolve(host);

    /**
     * Publishes the URLs, then one new URL on each of their hosts, and waits until every one of those is fetched:
     * the records of a host share a partition and are processed in order, so by then every URL was either skipped
     * or fetched.
     */
    private static void publishAndSettle(UrlPublisher publisher, List<String> urls, String prefix, String round)
            throws Exception {
        List<String> sentinels = new ArrayList<>();
        for (String url : urls) {
            publisher.publish(UrlRequest.of(url));
            sentinels.add(url.substring(0, url.indexOf(prefix)) + prefix + "/" + round + "-" + sentinels.size());
        }
        sentinels.forEach(u -> publisher.publish(UrlRequest.of(u)));
        publisher.flush();
        for (String u : sentinels) {
            String path = URI.create(u).getPath();
            awaitCondition(() -> site.count(path) >= 1, "sentinel " + u);
        }
    }

    private static void assertEachFetchedOnce(List<String> urls, String prefix) {
        for (String url : urls) {
            String path = URI.create(url).getPath();
            assertEquals(1, site.count(path), path + " fetched " + site.count(path) + " times");
        }
    }

    private static void awaitSharing(IngestService x, IngestService y) throws InterruptedException {
        awaitCondition(() -> x.stats().get("assignedPartitions") >= 1 && y.stats().get("assignedPartitions") >= 1
                && x.stats().get("assignedPartitions") + y.stats().get("assignedPartitions") == 3, "a shared assignment");
    }

    /** Waits until the service has no record in progress. */
    static void awaitIdle(IngestService service) throws InterruptedException {
        awaitCondition(() -> service.stats().get("inFlight") == 0, "no record in flight");
    }

    static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting for " + what);
    }

    /** The system clock moved by an offset that a test can change. */
    static final class MovableClock extends Clock {
        volatile Duration offset;

        MovableClock(Duration offset) {
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
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
