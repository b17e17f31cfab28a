package io.newsmetrics.ingest.fetch;

import io.newsmetrics.ingest.TestSite;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared eval sets' real news pages, served gzip-compressed from a local server and crawled: what comes out
 * must be exactly what the parser makes of the file itself (the transport loses nothing), and no page may fail
 * for any reason but the parser finding no text. Skipped when ../shared is absent.
 */
class RealPagesCrawlTest {

    @Test
    void crawlsEveryEvalPageLosslessly() throws Exception {
        Path shared = Path.of(System.getProperty("newsmetrics.shared", "../shared"));
        List<Path> pages = new ArrayList<>();
        for (String set : List.of("eval/article-extraction/html", "eval/publication-dates/html")) {
            Path dir = shared.resolve(set);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
                }
            }
        }
        Assumptions.assumeFalse(pages.isEmpty(), "no shared eval pages at " + shared);
        ArticleParser parser = ArticleParser.create();
        try (TestSite site = new TestSite().page("/robots.txt", 404, "text/plain", "");
             Crawler crawler = Crawler.create(FetchSettings.defaults().withAllowLoopback(true)
                     .withPolitenessDelay(Duration.ZERO).withPerHostConcurrency(8))) {
            List<CompletableFuture<CrawlResult>> results = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                byte[] gz = gzip(Files.readAllBytes(pages.get(i)));
                site.route("/p/" + i, ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    ex.sendResponseHeaders(200, gz.length);
                    ex.getResponseBody().write(gz);
                });
                results.add(crawler.crawl(site.url("/p/" + i), false));
            }
            int articles = 0;
            int noText = 0;
            for (int i = 0; i < pages.size(); i++) {
                String url = site.url("/p/" + i);
                Article direct = parser.parse(Files.readString(pages.get(i), StandardCharsets.UTF_8), url);
                try {
                    Article crawled = results.get(i).get(60, TimeUnit.SECONDS).article();
                    assertEquals(direct.text(), crawled.text(), pages.get(i).toString());
                    assertEquals(direct.title(), crawled.title(), pages.get(i).toString());
                    articles++;
                } catch (ExecutionException e) {
                    FetchException fe = assertInstanceOf(FetchException.class, e.getCause());
                    assertEquals(FailureReason.PARSE_FAILED, fe.reason(), pages.get(i) + ": " + fe.getMessage());
                    assertTrue(direct.text().isBlank(), "PARSE_FAILED only when the parser finds no text");
                    noText++;
                }
            }
            System.out.printf("real pages crawled: %d articles, %d without text, of %d%n", articles, noText, pages.size());
        }
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
