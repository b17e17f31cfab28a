package io.newsmetrics.ingest.parse;

import io.newsmetrics.model.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a news page's HTML into an {@link Article}: metadata and the main text without boilerplate.
 * Thread-safe and stateless.
 */
public final class ArticleParser {

    private ArticleParser() {
    }

    public static ArticleParser create() {
        return new ArticleParser();
    }

    /**
     * Parses a page.
     *
     * @param html the page's markup
     * @param url  the URL the page was fetched from; relative links resolve against it
     * @return the article; its text is empty when no main text is found
     */
    public Article parse(String html, String url) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(url, "url");
        Document doc = Jsoup.parse(html, url);
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        String title = firstNonBlank(doc.select("meta[property=og:title]").attr("content"), doc.title());
        String published = firstNonBlank(doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("time[datetime]").attr("datetime"));
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : root.select("p")) {
            String text = p.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return new Article(url, canonical.isBlank() ? url : canonical, title, published, null, List.of(),
                blankToNull(doc.select("html").attr("lang")), null, null, String.join("\n\n", paragraphs));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
