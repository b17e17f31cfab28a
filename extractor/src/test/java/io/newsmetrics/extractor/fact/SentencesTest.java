package io.newsmetrics.extractor.fact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentencesTest {
    @Test
    void splitsAtSentenceEndsButNotAbbreviations() {
        List<Sentences.Sentence> s = Sentences.split("The U.S. economy grew 2.1% on Dec. 15. Mr. Smith said so. "
                + "Prices rose.The next one");
        assertEquals(List.of("The U.S. economy grew 2.1% on Dec. 15.", "Mr. Smith said so.", "Prices rose.",
                "The next one"), s.stream().map(Sentences.Sentence::text).toList());
    }

    @Test
    void countsParagraphsAndKeepsOffsets() {
        String text = "First one.\n\nSecond one.";
        List<Sentences.Sentence> s = Sentences.split(text);
        assertEquals(0, s.get(0).paragraph());
        assertEquals(1, s.get(1).paragraph());
        assertEquals("Second one.", text.substring(s.get(1).start(), s.get(1).end()));
    }
}
