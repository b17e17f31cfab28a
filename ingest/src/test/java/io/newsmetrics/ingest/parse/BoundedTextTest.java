package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedTextTest {
    @Test
    void readsShortTextWithCollapsedWhitespace() {
        Element e = Jsoup.parse("<div>By <b>Jane\u00a0Roe</b>\n  on <i>4 March</i></div>").selectFirst("div");
        assertEquals("By Jane Roe on 4 March", BoundedText.of(e, 100));
    }

    @Test
    void givesNullForTextOverTheLimit() {
        Element e = Jsoup.parse("<div>" + "word ".repeat(1_000) + "</div>").selectFirst("div");
        assertNull(BoundedText.of(e, 300));
    }

    @Test
    void readsEmptyElementsAsEmptyText() {
        Element e = Jsoup.parse("<div><img src=x></div>").selectFirst("div");
        assertEquals("", BoundedText.of(e, 10));
    }
}
