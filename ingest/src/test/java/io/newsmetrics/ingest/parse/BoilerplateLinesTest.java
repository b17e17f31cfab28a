package io.newsmetrics.ingest.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateLinesTest {
    @Test
    void recognizesWidgetLabels() {
        for (String s : new String[]{"Advertisement", "ADVERT", "Anzeige", "Like this:", "Caption", "Close",
                "Related articles", "You may also like...", "Don't miss", "Share this story", "Text size"}) {
            assertTrue(BoilerplateLines.matches(s), s);
        }
    }

    @Test
    void recognizesCallsToActionAndCookieNotices() {
        assertTrue(BoilerplateLines.matches("Sign up for our daily newsletter and get the news first."));
        assertTrue(BoilerplateLines.matches("This website uses cookies to count visitors. View our privacy policy."));
        assertTrue(BoilerplateLines.matches("Copyright 2019 The Paper. All rights reserved."));
    }

    @Test
    void recognizesBareLinksAndTimeCodes() {
        assertTrue(BoilerplateLines.matches("jane.roe@example.com"));
        assertTrue(BoilerplateLines.matches("twitter.com/janeroe"));
        assertTrue(BoilerplateLines.matches("VIDEO3:4503:45"));
    }

    @Test
    void keepsArticleSentencesThatMentionSuchWords() {
        assertFalse(BoilerplateLines.matches("Advertisement spending rose 4% in the third quarter, the agency said."));
        assertFalse(BoilerplateLines.matches("The regulator said websites must ask before they set a cookie, and "
                + "that consent must be as easy to withdraw as to give, in a ruling that applies to every site in "
                + "the union and that several large publishers have already said they will appeal against in court, "
                + "arguing that the rules for cookie banners were settled years ago and that the new reading of the "
                + "law would force them to rebuild their pages at great cost within months."));
        assertFalse(BoilerplateLines.matches("Close to 40,000 people are expected to use the line every day."));
    }
}
