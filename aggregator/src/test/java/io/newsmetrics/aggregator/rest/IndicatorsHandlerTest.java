package io.newsmetrics.aggregator.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorsHandlerTest {
    @Test
    void shouldTellSingleKeysFromListingsAndHistories() {
        assertTrue(IndicatorsHandler.isKeyPath("/indicators/china/internet-users"));
        assertTrue(IndicatorsHandler.isKeyPath("/indicators/china/history"), "an indicator named history is a key");
        assertFalse(IndicatorsHandler.isKeyPath("/indicators/china/internet-users/history"));
        assertFalse(IndicatorsHandler.isKeyPath("/indicators"));
        assertFalse(IndicatorsHandler.isKeyPath("/indicators/"));
        assertFalse(IndicatorsHandler.isKeyPath("/indicatorsX/a/b"));
        assertFalse(IndicatorsHandler.isKeyPath("/metrics"));
        assertFalse(IndicatorsHandler.isKeyPath(null));
    }
}
