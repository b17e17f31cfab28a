package io.newsmetrics.ingest.parse;

import io.newsmetrics.model.Article;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.util.Objects;

/**
 * Turns a news page's HTML into an {@link Article}: metadata and the main text without boilerplate.
 *
 * <p>Metadata comes from JSON-LD, meta tags and markup ({@link PageMetadata}); the publication
 * date from the sources listed, in their order of trust, in {@link PublicationDates}; the main
 * text from a content-scoring extractor ({@link MainText}).
 *
 * <p>Hostile input is bounded: pages longer than {@link #MAX_HTML_CHARS} are refused with a
 * {@link PageTooLargeException}, and elements nested deeper than {@link #MAX_DEPTH} are attached
 * at that depth by the parser, so no traversal recurses without bound.
 *
 * <p>Thread-safe and stateless apart from its reference day for dates.
 */
public final class ArticleParser {
    /** Pages longer than this (in chars) are refused; real article pages are far below it. */
    public static final int MAX_HTML_CHARS = 12_000_000;
    /** Deepest element nesting the parser keeps. */
    public static final int MAX_DEPTH = 256;

    private final PublicationDates dates;

    private ArticleParser(DateText dates) {
        this.dates = new PublicationDates(dates);
    }

    /** A parser that accepts dates up to tomorrow (UTC, read at each parse) as publication dates. */
    public static ArticleParser create() {
        return new ArticleParser(DateText.relativeToNow());
    }

    /** A parser with a fixed reference day, for reproducible runs over archived pages. */
    public static ArticleParser withLatestDate(java.time.LocalDate latest) {
        Objects.requireNonNull(latest, "latest");
        return new ArticleParser(DateText.upTo(latest));
    }

    /**
     * Parses a page.
     *
     * @param html the page's markup
     * @param url  the URL the page was fetched from; relative links resolve against it
     * @return the article; its text is empty when no main text is found
     * @throws PageTooLargeException when the page exceeds {@link #MAX_HTML_CHARS}
     * @throws NullPointerException when an argument is null
     */
    public Article parse(String html, String url) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(url, "url");
        if (html.length() > MAX_HTML_CHARS) {
            throw new PageTooLargeException(url, html.length(), MAX_HTML_CHARS);
        }
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = parser.parseInput(html, url);
        PageIndex index = PageIndex.of(doc);
        MetaTags meta = MetaTags.of(index);
        JsonLd ld = JsonLd.of(index);
        String published = dates.published(index, url, meta, ld).map(PublicationDates.Found::date).orElse(null);
        String modified = dates.modified(meta, ld).orElse(null);
        String title = PageMetadata.title(doc, meta, ld).orElse(null);
        String canonical = PageMetadata.canonical(index, meta).orElse(url);
        var authors = PageMetadata.authors(index, meta, ld);
        String language = PageMetadata.language(doc, meta).orElse(null);
        String siteName = PageMetadata.siteName(meta, ld).orElse(null);
        String description = PageMetadata.description(meta, ld).orElse(null);
        String text = MainText.extract(doc, ld.article("articleBody").orElse(null), title);
        return new Article(url, canonical, title, published, modified, authors, language, siteName, description, text);
    }
}
