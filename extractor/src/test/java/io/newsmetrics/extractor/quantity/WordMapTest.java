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

    @Test
    void onlyTheKelvinSignLowercasesToAsciiAmongOtherChars() {
        // WordMap rules out a region of an all-ASCII map at its first other char, except this one
        for (int c = 128; c <= Character.MAX_VALUE; c++) {
            int f = WordMap.fold((char) c);
            if (f >= 0 && f < 128) {
                assertEquals(WordMap.KELVIN_SIGN, (char) c, "U+" + Integer.toHexString(c));
            }
        }
        WordMap<Boolean> m = WordMap.setOf(List.of("krw", "the"));
        assertTrue(m.contains("\u212ARW", 0, 3, true));
        assertFalse(m.contains("th\u00E9", 0, 3, true));
    }

    @Test
    void asksAboutSpansWithoutMakingTheirLowercaseForm() {
        WordMap<Boolean> m = WordMap.setOf(List.of("march"));
        TextSpan span = new TextSpan("In MARCH", 3, 8, true) {
        };
        assertTrue(m.contains(span));
        assertTrue(span.lowerIs("march"));
        assertFalse(span.lowerIs("marc"));
        assertFalse(span.lowerIs("marchs"));
        TextSpan dotted = new TextSpan("\u0130S", 0, 2, true) {
        };
        assertEquals("\u0130S".toLowerCase(Locale.ROOT).equals("i\u0307s"), dotted.lowerIs("i\u0307s"));
    }

    @Test
    void answersAsciiWordsAsTheLowercasedStringWould() {
        List<String> keys = List.of("a", "million", "mn", "bn", "usd", "x", "per", "percent");
        WordMap<Boolean> m = WordMap.setOf(keys);
        java.util.Random random = new java.util.Random(7);
        String letters = "abmnpsuxyzABMNPSUXYZ";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder w = new StringBuilder();
            int n = 1 + random.nextInt(k % 3 == 0 ? 8 : 3);
            for (int i = 0; i < n; i++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            String word = k % 50 == 0 ? keys.get(random.nextInt(keys.size())).toUpperCase(Locale.ROOT) : w.toString();
            String lower = word.toLowerCase(Locale.ROOT);
            String text = "(" + word + ")";
            assertEquals(keys.contains(lower), m.containsLowerAscii(text, 1, 1 + word.length(), lower.hashCode()), word);
        }
        assertFalse(m.containsLowerAscii("()", 1, 1, 0), "an empty region");
    }
}
