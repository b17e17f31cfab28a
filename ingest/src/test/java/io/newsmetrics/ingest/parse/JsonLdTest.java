package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLdTest {
    private static JsonLd of(String... blocks) {
        StringBuilder html = new StringBuilder("<html><head>");
        for (String b : blocks) {
            html.append("<script type=\"application/ld+json\">").append(b).append("</script>");
        }
        return JsonLd.of(Jsoup.parse(html.append("</head></html>").toString()));
    }

    @Test
    void flattensGraphsAndArrays() {
        JsonLd ld = of("{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"},"
                + "[{\"@type\":[\"NewsArticle\"],\"headline\":\"H\",\"datePublished\":\"2020-01-02\"}]]}");
        assertEquals(Optional.of("2020-01-02"), ld.article("datePublished"));
        assertEquals(Optional.of("2020-01-01"), ld.page("datePublished"));
        assertEquals(Optional.of("H"), ld.article("headline"));
    }

    @Test
    void skipsMalformedBlocksButReadsTheOthers() {
        JsonLd ld = of("{\"@type\": \"NewsArticle\", broken", "{\"@type\":\"BlogPosting\",\"headline\":\"Ok\"}");
        assertEquals(Optional.of("Ok"), ld.article("headline"));
    }

    @Test
    void toleratesRawNewlinesInStrings() {
        JsonLd ld = of("{\"@type\":\"NewsArticle\",\"articleBody\":\"line one\nline two\"}");
        assertEquals(Optional.of("line one line two"), ld.article("articleBody"));
    }

    @Test
    void readsAuthorsAndPublisher() {
        JsonLd ld = of("{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"A. Writer\"},"
                + "\"B. Writer\"],\"publisher\":{\"name\":\"The Paper\"}}");
        assertEquals(List.of("A. Writer", "B. Writer"), ld.authors());
        assertEquals(Optional.of("The Paper"), ld.publisherName());
    }

    @Test
    void isEmptyWithoutBlocks() {
        JsonLd ld = of();
        assertEquals(Optional.empty(), ld.article("headline"));
        assertEquals(List.of(), ld.authors());
    }
}
