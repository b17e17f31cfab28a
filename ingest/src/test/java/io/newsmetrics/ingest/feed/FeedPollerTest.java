package io.newsmetrics.ingest.feed;

import io.newsmetrics.ingest.TestSite;
import io.newsmetrics.ingest.fetch.Crawler;
import io.newsmetrics.ingest.fetch.FailureReason;
import io.newsmetrics.ingest.fetch.FetchException;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.model.UrlRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedPollerTest {
    private final TestSite site = new TestSite().page("/robots.txt", 404, "text/plain", "");
    private final Crawler crawler = Crawler.create(FetchSettings.defaults().withAllowLoopback(true)
            .withPolitenessDelay(Duration.ZERO).withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(50)));
    private final List<String> handed = new CopyOnWriteArrayList<>();
    private final List<FetchException> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean sinkDown = new AtomicBoolean();

    private final FeedPoller.Sink sink = new FeedPoller.Sink() {
        @Override
        public CompletableFuture<Void> links(String documentUrl, List<UrlRequest> links) {
            if (sinkDown.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
            }
            links.forEach(l -> handed.add(l.url()));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void failed(String documentUrl, FetchException error) {
            failures.add(error);
        }
    };

    @AfterEach
    void stop() {
        crawler.close();
        site.close();
    }

    private static String rss(String... links) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>");
        for (String l : links) {
            sb.append("<item><title>x</title><link>").append(l).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @Test
    void handsOverOnlyNewLinksAndPollsConditionally() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(rss("https://n.example/1", "https://n.example/2"));
        List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
        site.route("/feed", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(inm));
            String etag = "\"" + body.get().hashCode() + "\"";
            if (etag.equals(inm)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            TestSite.send(ex, 200, "application/rss+xml", body.get());
        });
        FeedPoller poller = FeedPoller.create(List.of(site.url("/feed")), crawler, sink);
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(List.of("https://n.example/1", "https://n.example/2"), handed);
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(2, handed.size(), "304: nothing new");
        assertTrue(ifNoneMatch.get(1).startsWith("\""), "second poll is conditional: " + ifNoneMatch);
        body.set(rss("https://n.example/3", "https://n.example/1"));
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(List.of("https://n.example/1", "https://n.example/2", "https://n.example/3"), handed);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void retriesTheHandOverAtTheNextPollWhenTheSinkFails() throws Exception {
        site.route("/feed", ex -> {
            ex.getResponseHeaders().set("ETag", "\"same\"");
            if ("\"same\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                TestSite.send(ex, 200, "application/rss+xml", rss("https://n.example/a"));
            }
        });
        FeedPoller poller = FeedPoller.create(List.of(site.url("/feed")), crawler, sink);
        sinkDown.set(true);
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(1, failures.size());
        sinkDown.set(false);
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(List.of("https://n.example/a"), handed, "not lost: the failed hand-over is redone");
    }

    @Test
    void followsSitemapIndexesAndReportsBrokenFeeds() throws Exception {
        site.page("/index.xml", 200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(site.url("/news.xml")));
        site.page("/news.xml", 200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s</loc></url></urlset>"""
                .formatted(site.url("/story")));
        site.page("/broken", 200, "text/html", "<html>not a feed</html>");
        site.page("/gone", 410, "text/plain", "gone");
        FeedPoller poller = FeedPoller.create(List.of(site.url("/index.xml"), site.url("/broken"), site.url("/gone")),
                crawler, sink);
        poller.pollOnce().get(20, TimeUnit.SECONDS);
        assertEquals(List.of(site.url("/story")), handed);
        Map<FailureReason, Long> reasons = failures.stream().collect(java.util.stream.Collectors.groupingBy(
                FetchException::reason, java.util.stream.Collectors.counting()));
        assertEquals(Map.of(FailureReason.PARSE_FAILED, 1L, FailureReason.HTTP_STATUS, 1L), reasons);
    }
}
