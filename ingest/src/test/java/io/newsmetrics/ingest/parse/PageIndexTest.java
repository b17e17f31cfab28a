package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageIndexTest {
    @Test
    void collectsMetadataElementsInDocumentOrder() {
        PageIndex index = PageIndex.of(Jsoup.parse("<head><meta name=a content=1><link rel=canonical href=/c>"
                + "<script type=\"application/ld+json\">{}</script><script>var x;</script></head>"
                + "<body><meta itemprop=datePublished content=2020-01-01><time datetime=2020-01-02>x</time>"
                + "<span itemprop=author>A</span></body>"));
        assertEquals(2, index.metas.size());
        assertEquals(1, index.links.size());
        assertEquals(1, index.jsonLd.size());
        assertEquals(1, index.times.size());
        assertEquals("datePublished", index.itemprops.get(0).attr("itemprop"));
        assertEquals(2, index.itemprops.size());
    }

    @Test
    void isEmptyForAnEmptyDocument() {
        PageIndex index = PageIndex.of(Jsoup.parse(""));
        assertEquals(0, index.metas.size() + index.links.size() + index.jsonLd.size() + index.times.size());
    }
}
