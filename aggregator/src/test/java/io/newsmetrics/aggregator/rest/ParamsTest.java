package io.newsmetrics.aggregator.rest;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamsTest {
    @Test
    void decodesValues() {
        Params p = Params.parse("text=gdp+growth&subject=S%C3%A3o%20Paulo&limit=5", Set.of("text", "subject", "limit"));
        assertEquals("gdp growth", p.get("text"));
        assertEquals("São Paulo", p.get("subject"));
        assertEquals(5, p.intValue("limit", 50, 1, 10));
        assertNull(Params.parse(null, Set.of("x")).get("x"));
    }

    @Test
    void refusesUnknownRepeatedAndMalformedParameters() {
        assertEquals(400, assertThrows(ApiException.class, () -> Params.parse("x=1", Set.of("y"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> Params.parse("y=1&y=2", Set.of("y"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> Params.parse("y=%zz", Set.of("y"))).status());
        Params p = Params.parse("limit=abc&asOf=2024-Q9&standby=maybe&partitions=1,x", Set.of("limit", "asOf", "standby", "partitions"));
        assertThrows(ApiException.class, () -> p.intValue("limit", 1, 1, 10));
        assertThrows(ApiException.class, () -> p.period("asOf"));
        assertThrows(ApiException.class, () -> p.bool("standby"));
        assertThrows(ApiException.class, () -> p.partitions("partitions"));
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRefused() {
        assertEquals("china/internet-users", IndicatorsHandler.decodeCursor(IndicatorsHandler.encodeCursor("china/internet-users")));
        assertEquals(400, assertThrows(ApiException.class, () -> IndicatorsHandler.decodeCursor("***")).status());
    }
}
