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
    void readsTheDateOfTheFetchedUrlNotOfTheCanonicalOne() {
        String html = "<head><link rel=\"canonical\" href=\"https://news.example/2020/03/17/story\">"
                + "<meta property=\"article:published_time\" content=\"2020-03-18T01:40:49Z\"></head>";
        assertEquals("2020-03-18T01:40:49Z", published(html, "https://feeds.example/~r/news/~3/abc123/")
                .orElseThrow().date());
        assertEquals(Optional.of(new PublicationDates.Found("2020-03-16", "url")),
                published(html, "https://news.example/2020/03/16/story"));
    }

    @Test
    void prefersTheSitesLocalOffsetOverUtcForTheDay() {
        String html = "<head><meta property=\"article:published_time\" content=\"2020-12-24T23:59:50+00:00\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2020-12-25T01:59:50+02:00\"}</script></head>";
        assertEquals("2020-12-25T01:59:50+02:00", published(html, URL).orElseThrow().date());
    }

    @Test
    void writesAUtcStampInTheTimeZoneThePageDeclares() {
        // 02:54 UTC on May 2 is the evening of May 1 in New York, the newsroom's day.
        String html = "<head><meta property=\"article:published_time\" content=\"2020-05-02T02:54:29.000Z\">"
                + "<script>window.config = {\"station\":\"wabc\",\"timezone\":{\"short\":\"ET\","
                + "\"long\":\"America/New_York\"}};</script></head>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-05-01T22:54:29-04:00", "meta")), published(html, URL));
    }

    @Test
    void readsTimeZonesDeclaredInMetaTagsAndEscapedJson() {
        String meta = "<head><meta name=\"timezone\" content=\"Asia/Tokyo\">"
                + "<meta property=\"article:published_time\" content=\"2020-02-14T22:00:00Z\"></head>";
        assertEquals("2020-02-15T07:00:00+09:00", published(meta, URL).orElseThrow().date());
        String escaped = "<head><meta property=\"article:published_time\" content=\"2020-02-14T22:00:00Z\">"
                + "<script>var s = \"{\\\"timeZone\\\":\\\"Europe/Berlin\\\"}\";</script></head>";
        assertEquals("2020-02-14T23:00:00+01:00", published(escaped, URL).orElseThrow().date());
    }

    @Test
    void keepsUtcWhenDeclaredZonesDisagreeOrAreUnknown() {
        String head = "<head><meta property=\"article:published_time\" content=\"2020-05-02T02:54:29Z\">";
        String twoZones = head + "<script>a = {timezone: 'America/New_York'}; b = {timezone: 'Europe/Paris'};</script></head>";
        assertEquals("2020-05-02T02:54:29Z", published(twoZones, URL).orElseThrow().date());
        String unknown = head + "<script>a = {timezone: 'Mars/Olympus_Mons', tz: 'UTC'};</script></head>";
        assertEquals("2020-05-02T02:54:29Z", published(unknown, URL).orElseThrow().date());
    }

    @Test
    void keepsAnOffsetThePageWroteItself() {
        String html = "<head><meta property=\"article:published_time\" content=\"2020-06-29T00:16:15+03:00\">"
                + "<script>cfg = {\"timezone\": \"America/New_York\"};</script></head>";
        assertEquals("2020-06-29T00:16:15+03:00", published(html, URL).orElseThrow().date());
    }

    @Test
    void prefersAnEpochTimeStampOverTheTextRenderedBesideIt() {
        // The text is rendered in the server's zone (US Pacific); the attribute is the exact instant.
        String html = "<body><div class=\"tweet\"><p>Breaking: markets close higher.</p>"
                + "<small class=\"time\"><a class=\"tweet-timestamp js-nav\" title=\"11:25 PM - 10 Jul 2020\">"
                + "<span class=\"_timestamp\" data-time=\"1594448702\" data-time-ms=\"1594448702000\">Jul 10</span></a></small>"
                + "<span class=\"metadata\"><span>11:25 PM - 10 Jul 2020</span></span></div></body>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-07-11T06:25:02Z", "markup")), published(html, URL));
    }

    @Test
    void ignoresEpochStampsOutsideTimeStampElementsAndOnUpdates() {
        String html = "<body><div class=\"card\" data-time=\"1594448702\">Card</div>"
                + "<span class=\"updated-time\" data-time=\"1594448702\">Jul 10</span>"
                + "<div class=\"post-date\">Published 9 July 2020</div></body>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-07-09", "byline")), published(html, URL));
    }

    @Test
    void readsDrupalSubmittedLines() {
        String html = "<body><p class=\"teaser\">Next meeting: 01.02.2021</p>"
                + "<div class=\"submitted\">Submitted by editor on Tue, 03/17/2020 - 10:20</div>"
                + "<p>The council approved the budget.</p></body>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-03-17", "byline")), published(html, URL));
    }

    @Test
    void skipsTheMastheadDateOfToday() {
        // The masthead's <h1> is the first headline; the date after it is the day of viewing.
        String html = "<body><div class=\"top\"><h1 class=\"logo\">Daily News</h1>"
                + "<div class=\"today\">Wednesday, August 19, 2020</div></div>"
                + "<h2>Council approves the budget</h2><p>Posted July 25, 2020</p>"
                + "<p>The council approved the budget.</p></body>";
        assertEquals(Optional.of(new PublicationDates.Found("2020-07-25", "headline")), published(html, URL));
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
