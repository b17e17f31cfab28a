package io.newsmetrics.extractor.quantity;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WrittenNumbersTest {
    private static final Tokenizer T = new Tokenizer(Set.of());

    private static Double parse(String s) {
        TokenList t = T.tokenize(s);
        WrittenNumbers.Parsed p = WrittenNumbers.parse(t, 0);
        return p == null ? null : p.value();
    }

    @Test
    void parsesCompoundNumbers() {
        assertEquals(3e7, parse("thirty million"));
        assertEquals(25, parse("twenty-five"));
        assertEquals(105, parse("one hundred and five"));
        assertEquals(1.5, parse("one and a half"));
        assertEquals(12, parse("a dozen"));
        assertEquals(0.75, parse("three quarters"));
    }

    @Test
    void leavesOrdinalsAndPlainWordsAlone() {
        assertNull(parse("a third undisclosed buyer"));
        assertNull(parse("the plan"));
        assertNull(parse("a"));
    }
}
