package io.newsmetrics.ingest.fetch;

import io.newsmetrics.ingest.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrawlerTest {
    private static final String PAGE = TestSite.article("Jobs report", "Unemployment fell to 3.9% in May.");
    private TestSite site;
    private Crawler crawler;

    @BeforeEach
    void startSite() {
        site = new TestSite().page("/robots.txt", 404, "text/plain", "");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (crawler != null) {
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (crawler.bufferedBytes() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // a cancelled body may still be winding down
            }
            assertEquals(0, crawler.bufferedBytes(), "every body byte reserved is given back");
            crawler.close();
        }
        site.close();
    }

    private static FetchSettings testSettings() {
        return FetchSettings.defaults().withAllowLoopback(true).withPolitenessDelay(Duration.ZERO)
                .withRetryDelays(Duration.ofMillis(20), Duration.ofSeconds(5)).withRequestTimeout(Duration.ofSeconds(5));
    }

    private Crawler crawler(FetchSettings settings) {
        crawler = Crawler.create(settings, host -> {
            if (host.endsWith(".test")) {
                return List.of(InetAddress.getByName("127.0.0.1"));
            }
            return HostResolver.SYSTEM.resolve(host);
        });
        return crawler;
    }

    private static CrawlResult ok(CompletableFuture<CrawlResult> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static FetchException failure(CompletableFuture<CrawlResult> f) throws Exception {
        try {
            CrawlResult r = f.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + r);
        } catch (ExecutionException e) {
            return assertInstanceOf(FetchException.class, e.getCause());
        }
    }

    @Test
    void fetchesAndParsesAnArticleNamingTheProjectInUserAgent() throws Exception {
        site.page("/a", 200, "text/html; charset=utf-8", PAGE);
        CrawlResult r = ok(crawler(testSettings()).crawl(site.url("/a"), false));
        assertEquals("Jobs report", r.article().title());
        assertTrue(r.article().text().contains("3.9%"));
        assertEquals(1, r.attempts());
        assertTrue(site.exchanges().get(site.exchanges().size() - 1).userAgent().startsWith("newsmetrics/"));
    }

    @Test
    void connectsToNamedHostsThroughThePinnedAddressKeepingTheHostHeader() throws Exception {
        site.page("/a", 200, "text/html", PAGE);
        String url = "http://news.test:" + site.port() + "/a";
        CrawlResult r = ok(crawler(testSettings()).crawl(url, false));
        assertEquals(url, r.finalUrl());
        TestSite.HttpExchangeRecord last = site.exchanges().get(site.exchanges().size() - 1);
        assertEquals("news.test:" + site.port(), last.host());
    }

    @Test
    void refusesLoopbackUnlessAllowed() throws Exception {
        site.page("/a", 200, "text/html", PAGE);
        FetchException e = failure(crawler(testSettings().withAllowLoopback(false)).crawl(site.url("/a"), false));
        assertEquals(FailureReason.BLOCKED_ADDRESS, e.reason());
        assertTrue(e.detail().contains("loopback"), e.detail());
        assertTrue(site.requests().isEmpty(), "nothing may reach the server");
    }

    @Test
    void refusesHostsResolvingToMetadataOrPrivateAddresses() throws Exception {
        crawler = Crawler.create(testSettings(), host -> List.of(InetAddress.getByName(
                host.startsWith("meta") ? "169.254.169.254" : "10.1.2.3")));
        FetchException meta = failure(crawler.crawl("http://meta.test/latest/meta-data/", false));
        assertEquals(FailureReason.BLOCKED_ADDRESS, meta.reason());
        assertTrue(meta.detail().contains("169.254.169.254"), meta.detail());
        FetchException priv = failure(crawler.crawl("http://intranet.test/", false));
        assertEquals(FailureReason.BLOCKED_ADDRESS, priv.reason());
    }

    @Test
    void refusesWhenDnsAnswerChangesBetweenCheckAndConnect() throws Exception {
        site.page("/a", 200, "text/html", PAGE);
        AtomicInteger lookups = new AtomicInteger();
        // First answer loopback (allowed here), every later answer a private address: a rebinding attack.
        crawler = Crawler.create(testSettings().withRespectRobots(false), host -> List.of(InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "127.0.0.1" : "10.0.0.7")));
        FetchException e = failure(crawler.crawl("http://rebind.test:" + site.port() + "/a", false));
        assertEquals(FailureReason.BLOCKED_ADDRESS, e.reason());
        assertTrue(e.detail().contains("10.0.0.7"), e.detail());
        assertTrue(site.requests().isEmpty());
    }

    @Test
    void reportsRefusedConnectionsAsConnectionFailures() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        crawler(testSettings().withRespectRobots(false).withMaxAttempts(2));
        for (String url : List.of("http://127.0.0.1:" + closedPort + "/", "http://closed.test:" + closedPort + "/")) {
            FetchException e = failure(crawler.crawl(url, false));
            assertEquals(FailureReason.CONNECTION_FAILED, e.reason(), url + ": " + e.getMessage());
            assertTrue(e.detail().contains("after 2 tries"), e.detail());
        }
    }

    @Test
    void failsUnknownHosts() throws Exception {
        crawler = Crawler.create(testSettings(), host -> {
            throw new UnknownHostException(host);
        });
        assertEquals(FailureReason.UNKNOWN_HOST, failure(crawler.crawl("http://nowhere.test/", false)).reason());
    }

    @Test
    void stopsEndlessBodiesAtTheLimit() throws Exception {
        site.route("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked, never ends
            byte[] chunk = "<p>more and more</p>".repeat(500).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            }
        });
        long start = System.nanoTime();
        FetchException e = failure(crawler(testSettings().withMaxBodyBytes(256 * 1024)).crawl(site.url("/endless"), false));
        assertEquals(FailureReason.TOO_LARGE, e.reason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "stops early, not at the timeout");
    }

    @Test
    void refusesDeclaredLengthsAboveTheLimitWithoutReading() throws Exception {
        byte[] big = new byte[300 * 1024];
        site.route("/big", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, big.length);
            ex.getResponseBody().write(big);
        });
        FetchException e = failure(crawler(testSettings().withMaxBodyBytes(100 * 1024)).crawl(site.url("/big"), false));
        assertEquals(FailureReason.TOO_LARGE, e.reason());
        assertTrue(e.detail().contains("Content-Length"), e.detail());
    }

    @Test
    void endsDecompressionBombsInTooLarge() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MiB of zeros in ~64 KiB
            }
        }
        byte[] body = bomb.toByteArray();
        site.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        FetchException e = failure(crawler(testSettings().withMaxBodyBytes(1024 * 1024)).crawl(site.url("/bomb"), false));
        assertEquals(FailureReason.TOO_LARGE, e.reason());
        assertTrue(e.detail().contains("decoded"), e.detail());
    }

    @Test
    void decodesGzipAndBothDeflateForms() throws Exception {
        byte[] html = PAGE.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(html);
        }
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
            out.write(html);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(html);
        }
        encoded("/gz", "gzip", gz.toByteArray());
        encoded("/zlib", "deflate", zlib.toByteArray());
        encoded("/raw", "deflate", raw.toByteArray());
        encoded("/br", "br", html);
        crawler(testSettings());
        for (String path : List.of("/gz", "/zlib", "/raw")) {
            assertEquals("Jobs report", ok(crawler.crawl(site.url(path), false)).article().title(), path);
        }
        assertEquals(FailureReason.DECODING_FAILED, failure(crawler.crawl(site.url("/br"), false)).reason());
    }

    private void encoded(String path, String encoding, byte[] body) {
        site.route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.getResponseHeaders().set("Content-Encoding", encoding);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
    }

    @Test
    void timesOutSlowDripServers() throws Exception {
        site.route("/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 200; i++) {
                out.write("<p>x</p>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(100);
            }
        });
        site.route("/silent", ex -> sleep(20_000));
        crawler(testSettings().withRequestTimeout(Duration.ofMillis(800)).withMaxAttempts(1));
        long start = System.nanoTime();
        FetchException drip = failure(crawler.crawl(site.url("/drip"), false));
        assertEquals(FailureReason.TIMEOUT, drip.reason());
        FetchException silent = failure(crawler.crawl(site.url("/silent"), false));
        assertEquals(FailureReason.TIMEOUT, silent.reason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(6).toNanos());
    }

    @Test
    void refusesUnsupportedContentTypes() throws Exception {
        site.page("/doc.pdf", 200, "application/pdf", "%PDF-1.4");
        FetchException e = failure(crawler(testSettings()).crawl(site.url("/doc.pdf"), false));
        assertEquals(FailureReason.UNSUPPORTED_CONTENT_TYPE, e.reason());
        assertTrue(e.detail().contains("application/pdf"));
    }

    @Test
    void takesPlainTextAndXhtml() throws Exception {
        site.page("/t.txt", 200, "text/plain; charset=utf-8", "Markets rally\n\nStocks rose 2% on Friday.");
        site.page("/x", 200, "application/xhtml+xml", PAGE);
        crawler(testSettings());
        CrawlResult t = ok(crawler.crawl(site.url("/t.txt"), false));
        assertEquals("Markets rally", t.article().title());
        assertTrue(t.article().text().contains("Stocks rose 2%"));
        assertEquals("Jobs report", ok(crawler.crawl(site.url("/x"), false)).article().title());
    }

    @Test
    void decodesCharsetFromHeaderMetaAndBom() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String text = TestSite.article("Café prices", "Le café coûte 2 € de plus.");
        bytes("/header", "text/html; charset=windows-1252", text.getBytes(cp1252));
        bytes("/meta", "text/html", text.replace("<head>", "<head><meta charset=\"windows-1252\">").getBytes(cp1252));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        bytes("/bom", "text/html; charset=iso-8859-1", bom);
        crawler(testSettings());
        for (String path : List.of("/header", "/meta", "/bom")) {
            CrawlResult r = ok(crawler.crawl(site.url(path), false));
            assertEquals("Café prices", r.article().title(), path);
            assertTrue(r.article().text().contains("coûte 2 €"), path + ": " + r.article().text());
        }
    }

    private void bytes(String path, String type, byte[] body) {
        site.route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
    }

    @Test
    void followsRedirectsCheckingEveryHop() throws Exception {
        site.page("/final", 200, "text/html", PAGE);
        redirect("/r1", "/r2");
        redirect("/r2", site.url("/final"));
        redirect("/loop1", "/loop2");
        redirect("/loop2", "/loop1");
        for (int i = 0; i < 7; i++) {
            redirect("/chain" + i, "/chain" + (i + 1));
        }
        redirect("/to-file", "file:///etc/passwd");
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/no-location", null);
        crawler(testSettings());
        CrawlResult r = ok(crawler.crawl(site.url("/r1"), false));
        assertEquals(site.url("/final"), r.finalUrl());
        assertEquals(FailureReason.REDIRECT_FAILED, failure(crawler.crawl(site.url("/loop1"), false)).reason());
        FetchException chain = failure(crawler.crawl(site.url("/chain0"), false));
        assertEquals(FailureReason.REDIRECT_FAILED, chain.reason());
        assertTrue(chain.detail().contains("more than 5"), chain.detail());
        assertEquals(FailureReason.REDIRECT_FAILED, failure(crawler.crawl(site.url("/to-file"), false)).reason());
        assertEquals(FailureReason.BLOCKED_ADDRESS, failure(crawler.crawl(site.url("/to-metadata"), false)).reason());
        assertEquals(FailureReason.REDIRECT_FAILED, failure(crawler.crawl(site.url("/no-location"), false)).reason());
    }

    private void redirect(String path, String location) {
        site.route(path, ex -> {
            if (location != null) {
                ex.getResponseHeaders().set("Location", location);
            }
            ex.sendResponseHeaders(302, -1);
        });
    }

    @Test
    void retriesTransientStatusesHonouringRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        site.route("/flaky", ex -> {
            if (calls.incrementAndGet() < 3) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestSite.send(ex, 503, "text/plain", "busy");
            } else {
                TestSite.send(ex, 200, "text/html", PAGE);
            }
        });
        long start = System.nanoTime();
        CrawlResult r = ok(crawler(testSettings()).crawl(site.url("/flaky"), false));
        assertEquals(3, r.attempts());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(1900).toNanos(), "two waits of Retry-After: 1");
    }

    @Test
    void givesUpAfterMaxAttemptsAndNeverRetriesPermanentFailures() throws Exception {
        site.page("/down", 500, "text/plain", "oops");
        site.page("/gone", 404, "text/plain", "no");
        crawler(testSettings());
        FetchException down = failure(crawler.crawl(site.url("/down"), false));
        assertEquals(FailureReason.HTTP_STATUS, down.reason());
        assertTrue(down.detail().contains("after 3 tries"), down.detail());
        assertEquals(3, site.count("/down"));
        assertEquals(FailureReason.HTTP_STATUS, failure(crawler.crawl(site.url("/gone"), false)).reason());
        assertEquals(1, site.count("/gone"));
    }

    @Test
    void obeysRobotsTxtAndCachesIt() throws Exception {
        try (TestSite other = new TestSite()) {
            other.page("/robots.txt", 200, "text/plain",
                    "User-agent: newsmetrics\nDisallow: /no/\n\nUser-agent: *\nDisallow: /\n");
            other.page("/yes/1", 200, "text/html", PAGE);
            other.page("/yes/2", 200, "text/html", PAGE);
            other.page("/no/1", 200, "text/html", PAGE);
            crawler(testSettings());
            ok(crawler.crawl(other.url("/yes/1"), false));
            ok(crawler.crawl(other.url("/yes/2"), false));
            FetchException e = failure(crawler.crawl(other.url("/no/1"), false));
            assertEquals(FailureReason.ROBOTS_DISALLOWED, e.reason());
            assertEquals(0, other.count("/no/1"));
            assertEquals(1, other.count("/robots.txt"));
        }
    }

    @Test
    void defersWhileRobotsTxtFailsWithServerErrors() throws Exception {
        try (TestSite other = new TestSite()) {
            other.page("/robots.txt", 503, "text/plain", "down");
            other.page("/a", 200, "text/html", PAGE);
            FetchException e = failure(crawler(testSettings().withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(300)))
                    .crawl(other.url("/a"), false));
            assertEquals(FailureReason.ROBOTS_UNAVAILABLE, e.reason());
            assertEquals(0, other.count("/a"));
            assertEquals(3, other.count("/robots.txt"), "each try asks for robots.txt again once the failure is forgotten");
        }
    }

    @Test
    void spacesRequestsToOneHostByThePolitenessDelayAndCrawlDelay() throws Exception {
        try (TestSite other = new TestSite()) {
            other.page("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n");
            for (int i = 0; i < 3; i++) {
                other.page("/p" + i, 200, "text/html", PAGE);
            }
            crawler(testSettings().withPerHostConcurrency(1).withPolitenessDelay(Duration.ofMillis(200)));
            List<CompletableFuture<CrawlResult>> all = List.of(crawler.crawl(other.url("/p0"), false),
                    crawler.crawl(other.url("/p1"), false), crawler.crawl(other.url("/p2"), false));
            for (CompletableFuture<CrawlResult> f : all) {
                ok(f);
            }
            List<Long> starts = other.exchanges().stream().filter(x -> x.path().startsWith("/p"))
                    .map(TestSite.HttpExchangeRecord::atNanos).sorted().toList();
            assertEquals(3, starts.size());
            for (int i = 1; i < starts.size(); i++) {
                long gap = starts.get(i) - starts.get(i - 1);
                assertTrue(gap >= Duration.ofMillis(900).toNanos(), "Crawl-delay 1 s honoured, gap was " + gap / 1_000_000 + " ms");
            }
        }
    }

    @Test
    void sendsValidatorsOnConditionalFetchAndReportsNotModified() throws Exception {
        site.route("/cond", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                TestSite.send(ex, 200, "text/html", PAGE);
            }
        });
        crawler(testSettings());
        assertNotNull(ok(crawler.crawl(site.url("/cond"), true)).article());
        CrawlResult again = ok(crawler.crawl(site.url("/cond"), true));
        assertTrue(again.notModified());
        assertEquals("\"v1\"", site.exchanges().get(site.exchanges().size() - 1).ifNoneMatch());
    }

    @Test
    void readsLocalFilesOnlyWhenAllowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.html");
        Files.writeString(file, PAGE);
        crawler(testSettings());
        assertEquals("Jobs report", ok(crawler.crawl(file.toUri().toString(), false)).article().title());
        assertEquals(FailureReason.FILE_NOT_READABLE,
                failure(crawler.crawl(dir.resolve("missing.html").toUri().toString(), false)).reason());
        crawler.close();
        crawler(testSettings().withAllowFileUrls(false));
        assertEquals(FailureReason.INVALID_URL, failure(crawler.crawl(file.toUri().toString(), false)).reason());
    }

    @Test
    void rejectsMalformedAndForeignSchemeUrls() throws Exception {
        crawler(testSettings());
        for (String bad : List.of("ftp://example.org/x", "javascript:alert(1)", "http://", "not a url", "http://u:p@example.org/")) {
            assertEquals(FailureReason.INVALID_URL, failure(crawler.crawl(bad, false)).reason(), bad);
        }
    }

    @Test
    void deadLettersPagesWithoutText() throws Exception {
        site.page("/empty", 200, "text/html", "<html><body><nav>menu</nav></body></html>");
        assertEquals(FailureReason.PARSE_FAILED, failure(crawler(testSettings()).crawl(site.url("/empty"), false)).reason());
    }

    @Test
    void defersPagesWhenTheBodyMemoryBudgetIsFull() throws Exception {
        site.page("/big", 200, "text/html", TestSite.article("Big", "x".repeat(80 * 1024)));
        crawler = Crawler.create(testSettings(), HostResolver.SYSTEM, new ByteBudget(16 * 1024));
        FetchException e = failure(crawler.crawl(site.url("/big"), false));
        assertEquals(FailureReason.OVERLOADED, e.reason());
        assertEquals(3, site.count("/big"), "over budget is transient: retried");
    }

    @Test
    void failsPendingUrlsOnClose() throws Exception {
        site.route("/slow", ex -> sleep(3_000));
        crawler(testSettings());
        CompletableFuture<CrawlResult> f = crawler.crawl(site.url("/slow"), false);
        Thread.sleep(200);
        crawler.close();
        assertEquals(FailureReason.INTERRUPTED, failure(f).reason());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
