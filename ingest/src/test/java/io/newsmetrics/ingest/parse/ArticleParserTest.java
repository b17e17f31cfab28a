package io.newsmetrics.ingest.parse;

import io.newsmetrics.model.Article;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleParserTest {
    private static final String URL = "https://example.com/story?id=42";
    private final ArticleParser parser = ArticleParser.create();

    @Test
    void readsMetadataFromJsonLdAndOpenGraph() {
        Article a = parser.parse(Fixtures.html("news-article.html"), URL);
        assertEquals(URL, a.url());
        assertEquals("https://example.com/news/2021/03/04/harbour-tram-line", a.canonicalUrl());
        assertEquals("Harbour city opens its third tram line", a.title());
        assertEquals("2021-03-04T08:15:00+01:00", a.publishedAt());
        assertEquals("2021-03-06T09:00:00+01:00", a.modifiedAt());
        assertEquals(List.of("Jane Roe", "John Doe"), a.authors());
        assertEquals("en", a.language());
        assertEquals("The Daily Example", a.siteName());
        assertEquals("The 12 km line links the port with the university.", a.description());
    }

    @Test
    void keepsParagraphsAsParagraphs() {
        Article a = parser.parse(Fixtures.html("news-article.html"), URL);
        String[] paragraphs = a.text().split("\n\n");
        assertEquals(5, paragraphs.length, a.text());
        assertTrue(paragraphs[0].startsWith("The harbour city opened its third tram line"));
        assertEquals("Years of planning", paragraphs[2]);
        assertTrue(paragraphs[4].endsWith("a fourth line was being studied."));
    }

    @Test
    void dropsBoilerplateAroundTheArticle() {
        String text = parser.parse(Fixtures.html("news-article.html"), URL).text();
        for (String junk : List.of("Sport", "cookies", "DAX", "Share on", "Photo: Transit", "City budget passes",
                "Subscribe now", "Finally!", "Storm closes bridge", "Copyright", "By Jane Roe")) {
            assertFalse(text.contains(junk), () -> "kept '" + junk + "' in: " + text);
        }
    }

    @Test
    void refusesPagesOverTheSizeLimit() {
        String huge = "<p>" + "a".repeat(ArticleParser.MAX_HTML_CHARS) + "</p>";
        PageTooLargeException e = assertThrows(PageTooLargeException.class, () -> parser.parse(huge, URL));
        assertEquals(URL, e.url());
        assertTrue(e.getMessage().contains(URL));
    }

    @Test
    void survivesDeeplyNestedMarkup() {
        int depth = 200_000;
        String html = "<html><body>" + "<div>".repeat(depth)
                + "<p>A paragraph at the bottom of a very deep tree of elements, long enough to count.</p>"
                + "</div>".repeat(depth) + "</body></html>";
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parser.parse(html, URL));
        assertTrue(a.text().contains("A paragraph at the bottom"), a.text());
    }

    @Test
    void survivesEnormousAttributes() {
        String html = "<html><body><div class=\"" + "x ".repeat(2_000_000) + "\" data-blob=\"" + "y".repeat(3_000_000)
                + "\"><p>The article text stands next to an attribute of several megabytes, and is still found.</p>"
                + "</div></body></html>";
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parser.parse(html, URL));
        assertTrue(a.text().startsWith("The article text stands"), a.text());
    }

    @Test
    void survivesManyRemovableSiblingsAndNestedBylines() {
        String siblings = "<html><body>" + "<nav>x</nav><div class=\"share\">y</div>".repeat(300_000)
                + "<p>The article text after three hundred thousand navigation blocks, which are all dropped.</p>";
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parser.parse(siblings, URL));
        assertTrue(a.text().startsWith("The article text after"), a.text());
        String nested = "<html><body>" + "<blockquote class=\"meta\"><b>".repeat(250) + "word, ".repeat(1_000_000);
        Article b = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parser.parse(nested, URL));
        assertTrue(b.text().startsWith("word, word"));
    }

    @Test
    void returnsEmptyTextForPagesWithoutText() {
        Article a = parser.parse("<html><head><title>Empty</title></head><body></body></html>", URL);
        assertEquals("", a.text());
        assertEquals("Empty", a.title());
        assertEquals(URL, a.canonicalUrl());
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> parser.parse(null, URL));
        assertThrows(NullPointerException.class, () -> parser.parse("<p>x</p>", null));
    }

    @Test
    void givesTheSameResultsFromManyThreads() throws Exception {
        String html = Fixtures.html("news-article.html");
        Article expected = parser.parse(html, URL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Article>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> parser.parse(html, URL)));
            }
            for (Future<Article> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
