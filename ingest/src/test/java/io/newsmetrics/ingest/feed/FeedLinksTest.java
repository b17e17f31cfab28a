package io.newsmetrics.ingest.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedLinksTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
            <item><title>A</title><link>https://news.example/a</link></item>
            <item><title>B</title><link>/b</link></item>
            <item><title>C</title><guid isPermaLink="true">https://news.example/c</guid></item>
            <item><title>A again</title><link>https://news.example/a</link></item>
            <item><title>Bad</title><link>javascript:alert(1)</link></item>
            </channel></rss>""";

    private static FeedLinks.Parsed parse(String xml, String url) {
        return FeedLinks.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", url);
    }

    @Test
    void readsRssLinksResolvingRelativeOnesAndDroppingDuplicates() {
        FeedLinks.Parsed p = parse(RSS, "https://news.example/feed.xml");
        assertEquals("rss/atom", p.kind());
        assertEquals(List.of("https://news.example/a", "https://news.example/b", "https://news.example/c"), p.links());
    }

    @Test
    void readsAtomAlternateLinks() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2025-07-25T08:00:00Z</updated>
                <entry><title>E</title><id>urn:e</id><updated>2025-07-25T08:00:00Z</updated>
                <link rel="alternate" href="https://atom.example/e1"/></entry></feed>""";
        assertEquals(List.of("https://atom.example/e1"), parse(atom, "https://atom.example/atom").links());
    }

    @Test
    void readsNewsSitemapsAndIndexes() {
        String news = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://site.example/2025/07/rates</loc>
                    <news:news><news:publication><news:name>Site</news:name><news:language>en</news:language></news:publication>
                    <news:publication_date>2025-07-25</news:publication_date><news:title>Rates</news:title></news:news></url>
                  <url><loc>https://site.example/2025/07/jobs</loc></url>
                </urlset>""";
        FeedLinks.Parsed p = parse(news, "https://site.example/news-sitemap.xml");
        assertEquals("sitemap", p.kind());
        assertEquals(List.of("https://site.example/2025/07/rates", "https://site.example/2025/07/jobs"), p.links());
        String index = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://site.example/s1.xml</loc></sitemap>
                  <sitemap><loc>https://site.example/s2.xml</loc></sitemap>
                </sitemapindex>""";
        FeedLinks.Parsed i = parse(index, "https://site.example/index.xml");
        assertEquals("sitemap-index", i.kind());
        assertEquals(List.of("https://site.example/s1.xml", "https://site.example/s2.xml"), i.sitemaps());
    }

    @Test
    void refusesGarbageAndDoctypes() {
        assertThrows(IllegalArgumentException.class, () -> parse("<html><body>no feed</body></html>", "https://x.example/"));
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><link>https://x.example/a</link></item></channel></rss>""";
        assertThrows(IllegalArgumentException.class, () -> parse(xxe, "https://x.example/feed"));
    }
}
