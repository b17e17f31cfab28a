package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicationDatesTest {
    private static final String URL = "https://example.com/story";
    private final PublicationDates dates = new PublicationDates(DateText.upTo(LocalDate.of(2023, 1, 1)));

    private Optional<PublicationDates.Found> published(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        return dates.published(doc, url, MetaTags.of(doc), JsonLd.of(doc));
    }

    @Test
    void extractsDateFromJsonLd() {
        assertEquals(Optional.of(new PublicationDates.Found("2021-03-04T08:15:00+01:00", "json-ld")),
                published(Fixtures.html("news-article.html"), URL));
    }

    @Test
    void extractsDateFromOpenGraphMeta() {
        String html = "<head><meta property=\"article:published_time\" content=\"2020-05-01T10:00:00Z\"></head>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-05-01T10:00:00Z", "meta")), published(html, URL));
    }

    @Test
    void prefersAFullDateInTheUrl() {
        assertEquals(Optional.of(new PublicationDates.Found("2021-03-03", "url")),
                published(Fixtures.html("news-article.html"), "https://example.com/2021/03/03/tram"));
    }

    @Test
    void prefersTheSitesLocalOffsetOverUtcForTheDay() {
        String html = "<head><meta property=\"article:published_time\" content=\"2020-12-24T23:59:50+00:00\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2020-12-25T01:59:50+02:00\"}</script></head>";
        assertEquals("2020-12-25T01:59:50+02:00", published(html, URL).orElseThrow().date());
    }

    @Test
    void neverTakesAModifiedDateForThePublishedOne() {
        assertEquals(Optional.empty(), published(Fixtures.html("dates-meta-modified-only.html"), URL));
    }

    @Test
    void ignoresFutureDates() {
        assertEquals(Optional.of(new PublicationDates.Found("2019-11-20", "meta")),
                published(Fixtures.html("dates-future.html"), URL));
    }

    @Test
    void readsBylineTextBeforeAnUpdateMark() {
        assertEquals(Optional.of(new PublicationDates.Found("2019-11-20", "byline")),
                published(Fixtures.html("dates-byline.html"), URL));
    }

    @Test
    void skipsTimeElementsMarkedAsUpdates() {
        assertEquals(Optional.of(new PublicationDates.Found("2020-01-30T08:00:00+02:00", "markup")),
                published(Fixtures.html("dates-time-element.html"), URL));
    }

    @Test
    void readsTheDateUnderTheHeadline() {
        String html = "<body><div class=\"top\">Sunday</div><h1>Title</h1><p class=\"x\">22/11/2020 - 04:30 - Source: Agency</p>"
                + "<p>Body text</p></body>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-11-22", "headline")), published(html, URL));
    }

    @Test
    void findsNothingOnPagesWithoutDates() {
        assertEquals(Optional.empty(), published("<html><body><h1>No date</h1><p>Text.</p></body></html>", URL));
    }

    @Test
    void extractsTheModifiedDate() {
        Document doc = Jsoup.parse(Fixtures.html("dates-meta-modified-only.html"), URL);
        assertEquals(Optional.of("2020-05-06T10:00:00Z"), dates.modified(MetaTags.of(doc), JsonLd.of(doc)));
    }
}
