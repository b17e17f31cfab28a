package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetaTagsTest {
    @Test
    void readsNamePropertyAndItempropCaseInsensitively() {
        MetaTags meta = MetaTags.of(Jsoup.parse("<meta name=\"Author\" content=\"A\">"
                + "<meta property=\"og:title\" content=\"T\"><meta itemprop=\"datePublished\" content=\"2020-01-01\">"));
        assertEquals(Optional.of("A"), meta.get("author"));
        assertEquals(Optional.of("T"), meta.get("og:title"));
        assertEquals(Optional.of("2020-01-01"), meta.get("datepublished"));
    }

    @Test
    void keepsTheFirstOccurrenceOfAKey() {
        MetaTags meta = MetaTags.of(Jsoup.parse("<meta name=\"date\" content=\"first\"><meta name=\"date\" content=\"second\">"));
        assertEquals(Optional.of("first"), meta.get("date"));
    }

    @Test
    void splitsPropertiesThatListSeveralKeys() {
        MetaTags meta = MetaTags.of(Jsoup.parse("<meta property=\"og:title twitter:title\" content=\"T\">"));
        assertEquals(Optional.of("T"), meta.get("twitter:title"));
        assertEquals(Optional.of("T"), meta.first("missing", "og:title"));
    }

    @Test
    void ignoresEmptyValues() {
        MetaTags meta = MetaTags.of(Jsoup.parse("<meta name=\"date\" content=\" \">"));
        assertEquals(Optional.empty(), meta.get("date"));
    }
}
