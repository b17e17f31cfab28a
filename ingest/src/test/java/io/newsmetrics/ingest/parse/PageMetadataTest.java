package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageMetadataTest {
    private static Document doc(String html) {
        return Jsoup.parse(html, "https://example.com/a/b.html");
    }

    @Test
    void titleFallsBackToTheHeadlineThenToTheTitleWithoutSiteName() {
        Document withH1 = doc("<title>Site | Page</title><body><h1>The headline</h1></body>");
        assertEquals(Optional.of("The headline"),
                PageMetadata.title(withH1, MetaTags.of(withH1), JsonLd.of(withH1)));
        Document titleOnly = doc("<title>A longer page title - Site</title>");
        assertEquals(Optional.of("A longer page title"),
                PageMetadata.title(titleOnly, MetaTags.of(titleOnly), JsonLd.of(titleOnly)));
    }

    @Test
    void resolvesTheCanonicalUrlAgainstThePage() {
        Document d = doc("<link rel=\"canonical\" href=\"/c/story\">");
        assertEquals(Optional.of("https://example.com/c/story"), PageMetadata.canonical(d, MetaTags.of(d)));
        Document og = doc("<meta property=\"og:url\" content=\"https://example.com/og\">");
        assertEquals(Optional.of("https://example.com/og"), PageMetadata.canonical(og, MetaTags.of(og)));
    }

    @Test
    void splitsAuthorMetaAndDropsByPrefixes() {
        Document d = doc("<meta name=\"author\" content=\"By Jane Roe and John Doe\">");
        assertEquals(List.of("Jane Roe", "John Doe"), PageMetadata.authors(d, MetaTags.of(d), JsonLd.of(d)));
        Document markup = doc("<body><span itemprop=\"author\">Ann Smith</span></body>");
        assertEquals(List.of("Ann Smith"), PageMetadata.authors(markup, MetaTags.of(markup), JsonLd.of(markup)));
    }

    @Test
    void readsLanguageFromHtmlLangThenMeta() {
        Document d = doc("<html lang=\"pt-BR\"><body></body></html>");
        assertEquals(Optional.of("pt"), PageMetadata.language(d, MetaTags.of(d)));
        Document og = doc("<meta property=\"og:locale\" content=\"de_DE\">");
        assertEquals(Optional.of("de"), PageMetadata.language(og, MetaTags.of(og)));
        Document none = doc("<p>x</p>");
        assertEquals(Optional.empty(), PageMetadata.language(none, MetaTags.of(none)));
    }

    @Test
    void readsSiteNameAndDescription() {
        Document d = doc("<meta property=\"og:site_name\" content=\"Paper\"><meta name=\"description\" content=\" Sum  up \">");
        assertEquals(Optional.of("Paper"), PageMetadata.siteName(MetaTags.of(d), JsonLd.of(d)));
        assertEquals(Optional.of("Sum up"), PageMetadata.description(MetaTags.of(d), JsonLd.of(d)));
    }
}
