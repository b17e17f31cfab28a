package io.newsmetrics.extractor.quantity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexiconTest {
    @Test
    void loadsTheBundledLists() {
        Lexicon lex = Lexicon.load();
        assertEquals("HKD", lex.currencies.get("hong kong dollars"));
        assertEquals("percent", lex.units.get("per cent"));
        assertTrue(lex.isFunctionWord("the"));
        assertFalse(lex.isFunctionWord("revenue"));
        assertTrue(lex.isChangeWord("plunged"));
        assertTrue(Lexicon.isDuration("day"));
    }

    @Test
    void failsWithTheResourceNameWhenOneIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Lexicon.read("no-such-list.tsv", (k, v) -> { }));
        assertTrue(e.getMessage().contains("no-such-list.tsv"));
    }
}
