package io.newsmetrics.extractor.quantity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordMapTest {

    @Test
    void foldsEveryCharAsStringLowercasingDoes() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int f = WordMap.fold((char) c);
            if (f >= 0) {
                assertEquals(String.valueOf((char) c).toLowerCase(Locale.ROOT), String.valueOf((char) f),
                        "char U+" + Integer.toHexString(c));
            }
        }
        assertEquals(-1, WordMap.fold('İ'));
        assertEquals(-1, WordMap.fold('Σ'));
    }

    @Test
    void looksUpRegionsWithoutCopying() {
        WordMap<Integer> m = WordMap.of(Map.of("million", 6, "bn", 9, "€", 1));
        String text = "a MILLION and 2Bn for 5€";
        assertEquals(6, m.get(text, 2, 9, true));
        assertNull(m.get(text, 2, 9, false));
        assertEquals(9, m.get(text, 15, 17, true));
        assertEquals(1, m.get(text, 23, 24, false));
        assertNull(m.get(text, 0, 1, true));
        assertEquals(9, m.get("bn"));
    }

    @Test
    void answersAsTheLowercasedStringWouldForSpecialCases() {
        WordMap<Boolean> m = WordMap.setOf(List.of("i̇n", "in", "kelvin", "σας", "ςας", "straße"));
        for (String w : List.of("İN", "IN", "In", "KELVIN", "\u212Aelvin", "ΣΑΣ", "σΑΣ", "STRASSE", "Straße",
                "𐐀x")) {
            Set<String> keys = Set.of("i̇n", "in", "kelvin", "σας", "ςας", "straße");
            String text = "<" + w + ">";
            assertEquals(keys.contains(w.toLowerCase(Locale.ROOT)), m.contains(text, 1, 1 + w.length(), true), w);
        }
    }

    @Test
    void tokensCompareInPlaceAsTheirLowercaseFormWould() {
        Tokenizer t = new Tokenizer(Set.of());
        for (String w : List.of("Between", "İn", "IN", "\u212A", "1E10", "ΣΑΣ")) {
            Token tok = t.tokenize(w).get(0);
            for (String probe : List.of("between", "in", "i̇n", "k", "1e10", "1E10", "σας", "σασ")) {
                Token fresh = t.tokenize(w).get(0);
                assertEquals(tok.lower().equals(probe), fresh.is(probe), w + " is " + probe);
            }
        }
        assertFalse(t.tokenize("Ab").get(0).is("a"));
        assertTrue(t.tokenize("AB").get(0).is("ab"));
    }
}
