package io.newsmetrics.extractor.quantity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {
    private static final Tokenizer T = new Tokenizer(Set.of("bn", "k"));

    @Test
    void splitsNumbersFromKnownSuffixes() {
        List<Token> t = T.tokenize("$1.5bn and 100k");
        assertEquals(List.of("$", "1.5", "bn", "and", "100", "k"), t.stream().map(Token::text).toList());
        assertEquals(1.5, t.get(1).number());
        assertEquals(false, t.get(2).spaceBefore());
    }

    @Test
    void keepsGroupedDigitsAndCodesTogether() {
        List<Token> t = T.tokenize("30,154 CLc1 5G 192.168.1.2");
        assertEquals(30154, t.get(0).number());
        assertEquals(Token.Kind.CODE, t.get(1).kind());
        assertEquals(Token.Kind.CODE, t.get(2).kind());
        assertEquals(Token.Kind.CODE, t.get(3).kind());
    }

    @Test
    void treatsOverlongDigitRunsAsCodes() {
        assertEquals(Token.Kind.CODE, T.tokenize("9".repeat(100)).get(0).kind());
    }

    @Test
    void classifiesCharsAsTheCharacterTablesDo() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c),
                    Tokenizer.isSpace(c), "space U+" + Integer.toHexString(i));
            assertEquals(Character.isLetter(c), Tokenizer.isLetter(c), "letter U+" + Integer.toHexString(i));
            assertEquals(Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK,
                    Tokenizer.isWordChar(c), "word char U+" + Integer.toHexString(i));
        }
    }

    @Test
    void readsNumbersAsParseDoubleDoes() {
        java.util.Random r = new java.util.Random(42);
        for (int k = 0; k < 20000; k++) {
            StringBuilder digits = new StringBuilder();
            int whole = 1 + r.nextInt(18);
            for (int i = 0; i < whole; i++) {
                digits.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                digits.append('.');
                int frac = 1 + r.nextInt(12);
                for (int i = 0; i < frac; i++) {
                    digits.append((char) ('0' + r.nextInt(10)));
                }
            }
            if (r.nextInt(5) == 0) {
                digits.append('e').append(r.nextBoolean() ? "-" : "").append(r.nextInt(400));
            }
            String text = digits.toString();
            double expected = Double.parseDouble(text);
            Token t = T.tokenize(text).get(0);
            if (Double.isFinite(expected) && t.isNumber()) {
                assertEquals(expected, t.number(), text);
            }
        }
    }

    @Test
    void readsGroupedAndLeadingDotNumbers() {
        assertEquals(1234567.25, T.tokenize("1,234,567.25").get(0).number());
        assertEquals(0.08, T.tokenize(".08").get(0).number());
        assertEquals(1.2e11, T.tokenize("12e10").get(0).number());
    }

    @Test
    void marksTheWordsOfItsMapAsTheMapFindsThem() {
        WordMap<Boolean> words = WordMap.setOf(List.of("one", "between", "usd", "krw", "stra\u00DFe"));
        Tokenizer t = new Tokenizer(Set.of(), words);
        String text = "One BETWEEN usd \u212ARW ones on StraSSe stra\u00DFe STRA\u00DFE one5 \u0130ne";
        TokenList tokens = t.tokenize(text);
        int marked = 0;
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(tokens.kind(i) == Token.Kind.WORD && words.contains(tokens.get(i)), tokens.marked(i),
                    tokens.get(i).text());
            marked += tokens.marked(i) ? 1 : 0;
        }
        assertEquals(6, marked);
    }
}
