package io.newsmetrics.ingest.parse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTextTest {
    private static String text(String fixture, String declaredBody) {
        return MainText.extract(Jsoup.parse(Fixtures.html(fixture), "https://example.com/"), declaredBody);
    }

    @Test
    void dropsNavigationAndRelatedLinks() {
        String text = text("news-article.html", null);
        assertTrue(text.startsWith("The harbour city opened"), text);
        assertFalse(text.contains("Markets"), text);
        assertFalse(text.contains("Port traffic rises"), text);
        assertFalse(text.contains("Most read"), text);
    }

    @Test
    void dropsCommentsCaptionsAndNotices() {
        String text = text("news-article.html", null);
        for (String junk : List.of("Too expensive", "first tram leaves", "We use cookies", "unlimited access")) {
            assertFalse(text.contains(junk), () -> junk + " in " + text);
        }
    }

    @Test
    void readsParagraphsWrittenAsDivs() {
        String text = text("div-paragraphs.html", null);
        String[] paragraphs = text.split("\n\n");
        assertEquals(3, paragraphs.length, text);
        assertTrue(paragraphs[1].contains("with a bold word"), text);
        assertFalse(text.contains("Labels"), text);
        assertFalse(text.contains("Archive"), text);
    }

    @Test
    void joinsAnArticleSplitIntoSections() {
        String text = text("split-sections.html", null);
        assertTrue(text.startsWith("The opening section"), text);
        assertTrue(text.contains("The discovery"), text);
        assertTrue(text.endsWith("still have about the finding."), text);
        assertFalse(text.contains("excerpt"), text);
    }

    @Test
    void fallsBackToTheDeclaredBodyWhenTheMarkupHasNone() {
        String declared = "The page renders its text with JavaScript, so the markup holds only a loading notice.\n"
                + "The declared body carries the whole article, which is long enough to be trusted.\n"
                + "A third line closes it with more words about structured data in pages.";
        String text = text("declared-body.html", declared);
        assertEquals(3, text.split("\n\n").length, text);
        assertTrue(text.startsWith("The page renders its text"), text);
    }

    @Test
    void keepsTheMarkupTextWhenItCoversTheDeclaredBody() {
        String declared = "The harbour city opened its third tram line on Thursday, linking the container port with "
                + "the university campus in the north, the transport authority said. The 12-kilometre line cost 340 "
                + "million euros, 15 percent more than planned.";
        String text = text("news-article.html", declared);
        assertTrue(text.contains("Years of planning"), text);
    }

    @Test
    void returnsEmptyTextForAnEmptyBody() {
        assertEquals("", MainText.extract(Jsoup.parse("<html><body></body></html>"), null));
    }
}
