package io.newsmetrics.model;

import java.util.List;
import java.util.Objects;

/**
 * A news article as parsed from a page: where it came from, its metadata and its main text.
 *
 * @param url          the URL it was fetched from (or a file URI)
 * @param canonicalUrl the page's canonical URL; the record key on the {@code articles} topic
 * @param title        the headline, or null
 * @param publishedAt  publication date or date-time in ISO 8601 ({@code 2025-07-25} or
 *                     {@code 2025-07-25T08:00:00Z}), or null when the page does not say
 * @param modifiedAt   last modification date or date-time, or null
 * @param authors      author names, possibly empty
 * @param language     ISO 639-1 language code, or null
 * @param siteName     the publication's name, or null
 * @param description  the page's summary, or null
 * @param text         the main text, paragraphs separated by blank lines
 */
public record Article(String url, String canonicalUrl, String title, String publishedAt, String modifiedAt,
                      List<String> authors, String language, String siteName, String description, String text) {

    public Article {
        Objects.requireNonNull(url, "url");
        canonicalUrl = canonicalUrl == null || canonicalUrl.isBlank() ? url : canonicalUrl;
        authors = authors == null ? List.of() : List.copyOf(authors);
        text = text == null ? "" : text;
    }

    /** An article with only the fields the extractor needs. */
    public static Article of(String url, String title, String publishedAt, String text) {
        return new Article(url, url, title, publishedAt, null, List.of(), null, null, null, text);
    }

    /** The publication date as {@code YYYY-MM-DD}, or null. */
    public String publishedDate() {
        return publishedAt == null || publishedAt.length() < 10 ? null : publishedAt.substring(0, 10);
    }
}
