package io.newsmetrics.extractor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.quantity.Quantity;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RecognizersTextEvalTest {

    private static Quantity q(Double value, Double low, Double high, String unit, Qualifier qualifier) {
        return new Quantity("x", 0, 1, value, low, high, unit, null, qualifier, null, null);
    }

    @Test
    void matchesIntervalsByBoundsAndDirection() {
        assertTrue(RecognizersTextEval.rangeMatches("[20,30)", q(25.0, 20.0, 30.0, null, Qualifier.EXACT)));
        assertTrue(RecognizersTextEval.rangeMatches("(30,)", q(30.0, null, null, null, Qualifier.MORE_THAN)));
        assertFalse(RecognizersTextEval.rangeMatches("(30,)", q(30.0, null, null, null, Qualifier.LESS_THAN)));
        assertTrue(RecognizersTextEval.rangeMatches("(,100]", q(100.0, null, null, null, Qualifier.AT_MOST)));
        assertTrue(RecognizersTextEval.rangeMatches("[170,170]", q(170.0, null, null, null, Qualifier.EXACT)));
    }

    @Test
    void skipsOnlyCasesThatNameJava() throws IOException {
        JsonNode java = Json.mapper().readTree("{\"NotSupported\":\"javascript, java\"}");
        JsonNode script = Json.mapper().readTree("{\"NotSupported\":\"javascript, python\"}");
        assertTrue(RecognizersTextEval.skipped(java));
        assertFalse(RecognizersTextEval.skipped(script));
    }

    @Test
    void mapsSpecCurrencyNamesToIsoCodes() throws IOException {
        JsonNode res = Json.mapper().readTree("{\"value\":\"16400000\",\"unit\":\"Canadian dollar\"}");
        assertTrue(RecognizersTextEval.matches("currency", res, q(1.64e7, null, null, "CAD", Qualifier.EXACT)));
        assertFalse(RecognizersTextEval.matches("currency", res, q(1.64e7, null, null, "USD", Qualifier.EXACT)));
    }

    /** The shared specs; skipped when ../shared is absent. Reports the rate, asserts a floor. */
    @Test
    void findsMostExpectedResultsOfTheSharedSpecs() throws IOException {
        String prop = System.getProperty("newsmetrics.shared");
        Path shared = prop == null ? null : Path.of(prop);
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("eval/recognizers-text/Specs")),
                "shared eval data not present");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<RecognizersTextEval.Tally> tallies =
                new RecognizersTextEval(shared, QuantityRecognizer.create(), quiet, false).run();
        int found = tallies.stream().mapToInt(RecognizersTextEval.Tally::found).sum();
        int expected = tallies.stream().mapToInt(RecognizersTextEval.Tally::expected).sum();
        assertTrue(found >= 0.95 * expected, found + " of " + expected);
    }
}
