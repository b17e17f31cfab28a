package io.newsmetrics.extractor.quantity;

import io.newsmetrics.model.Change;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityRecognizerTest {
    private static final QuantityRecognizer R = QuantityRecognizer.create();

    private static Quantity only(String text) {
        List<Quantity> qs = R.recognize(text);
        assertEquals(1, qs.size(), () -> "one quantity expected in '" + text + "' but got " + qs);
        return qs.get(0);
    }

    @Test
    void parsesScaleWordsAndAbbreviations() {
        assertEquals(1.123e9, only("the base reached 1.123 billion").value(), 1);
        assertEquals(1.5e9, only("a 1.5bn deal").value(), 1);
        assertEquals(1e5, only("100k users").value(), 1e-6);
        assertEquals(3e7, only("thirty million people").value(), 1e-6);
        assertEquals(2.5e6, only("25 lakh rupees").value(), 1e-6);
    }

    @Test
    void parsesGroupingDecimalsAndNegatives() {
        assertEquals(30154, only("dealers sold 30,154 cars").value());
        assertEquals(27934.02, only("closed at 27,934.02").value());
        assertEquals(-5.5, only("a reading of -5.5 was seen").value());
    }

    @Test
    void parsesWrittenNumbersAndFractions() {
        assertEquals(1.5, only("one and a half").value());
        assertEquals(0.25, only("by a quarter of the total").value());
        assertEquals(12, only("a dozen eggs").value());
        assertEquals(0.21875, only("rose 7/32 in price").value(), 1e-9);
        assertEquals(125, only("one hundred and twenty-five").value());
    }

    @Test
    void parsesPercentagesPointsAndBasisPoints() {
        assertEquals("percent", only("up 3.4%").unit());
        assertEquals("percent", only("fell 10 per cent").unit());
        assertEquals("percentage_point", only("rose 2 percentage points").unit());
        assertEquals("basis point", only("cut by 25 basis points").unit());
        Quantity q = only("cut rates by a quarter-point");
        assertEquals(0.25, q.value());
        assertEquals("percentage_point", q.unit());
    }

    @Test
    void parsesMoneyInSymbolsCodesAndWords() {
        Quantity q = only("raise up to $12.9bn from the listing");
        assertEquals(1.29e10, q.value(), 1);
        assertEquals("USD", q.unit());
        assertEquals("HKD", only("HK$176 a share").unit());
        assertEquals("EUR", only("paid €2 million").unit());
        assertEquals("USD", only("USD 200 was paid").unit());
        assertEquals("JPY", only("200 JPY was paid").unit());
        assertEquals("CNY", only("700 billion yuan in scale").unit());
        assertEquals("HKD", only("176 Hong Kong dollars").unit());
    }

    @Test
    void keepsBothFiguresOfABracketedConversion() {
        List<Quantity> qs = R.recognize("exceeded 700 billion yuan ($97.5 billion) in 2024");
        assertEquals(2, qs.size());
        assertEquals("CNY", qs.get(0).unit());
        assertEquals("USD", qs.get(1).unit());
    }

    @Test
    void parsesPhysicalUnitsAndCountedNouns() {
        assertEquals("GW", only("a 3 GW array").unit());
        assertEquals("barrel per day", only("pumped 9.8 million barrels per day").unit());
        Quantity q = only("more than 30 million daily active users");
        assertEquals("count", q.unit());
        assertEquals("users", q.surfaceUnit());
        assertEquals(Qualifier.MORE_THAN, q.qualifier());
    }

    @Test
    void readsRangesAsLowAndHigh() {
        Quantity q = only("between 10 and 15 percent");
        assertEquals(10, q.low());
        assertEquals(15, q.high());
        Quantity money = only("the $40-50 billion in purchases");
        assertEquals(4e10, money.low(), 1);
        assertEquals(5e10, money.high(), 1);
        assertEquals("USD", money.unit());
        assertEquals(12.5, only("10-15%").value());
    }

    @Test
    void readsQualifiers() {
        assertEquals(Qualifier.APPROX, only("some $156 billion in goods").qualifier());
        assertEquals(Qualifier.AT_LEAST, only("at least 88 billion dollars").qualifier());
        assertEquals(Qualifier.LESS_THAN, only("stayed below 6 percent").qualifier());
        assertEquals(Qualifier.AT_MOST, only("up to an additional 15 per cent").qualifier());
        assertEquals(Qualifier.MORE_THAN, only("exceeded 700 billion yuan").qualifier());
    }

    @Test
    void readsChangesBeforeAndAfterTheFigure() {
        assertEquals(Change.DOWN, only("crude fell 3.38% on the day").change());
        assertEquals(Change.UP, only("shares are up about 40% this year").change());
        assertEquals(Change.UP, only("closed 0.68% higher").change());
        assertEquals(Change.DOWN, only("a 10% drop in sales").change());
        assertEquals(Change.UP, only("an increase of just 0.3 percent").change());
        assertEquals(Change.DOWN, only("cut its rate by a quarter-point").change());
        assertNull(only("down from 1.808% late on Monday").change());
    }

    @Test
    void inheritsTheUnitOfAnIndexMove() {
        List<Quantity> qs = R.recognize("the Dow fell 102.2 points, or 0.36%, to 27,934.02");
        assertEquals(3, qs.size());
        assertEquals("point", qs.get(2).unit());
        assertEquals(Change.DOWN, qs.get(1).change());
    }

    @Test
    void skipsYearsDatesTimesOrdinalsAndNames() {
        assertTrue(R.recognize("In 2024 the plan began on Dec. 15 at 10:30 a.m. for the 3rd time").isEmpty());
        assertTrue(R.recognize("the Boeing 787 and COVID-19 and the iPhone 11").isEmpty());
        assertTrue(R.recognize("they won 2-0 in the final").isEmpty());
        assertTrue(R.recognize("call 555-123-4567 now").isEmpty());
        assertTrue(R.recognize("the number one buyer").isEmpty());
    }

    @Test
    void reportsOffsetsOfTheFigure() {
        String text = "Sales rose to $5.2 billion.";
        Quantity q = only(text);
        assertEquals("$5.2 billion", text.substring(q.start(), q.end()));
        assertEquals(q.text(), text.substring(q.start(), q.end()));
    }

    @Test
    void returnsNothingForNullOrEmptyInput() {
        assertTrue(R.recognize(null).isEmpty());
        assertTrue(R.recognize("").isEmpty());
    }
}
