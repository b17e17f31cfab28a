package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchSettingsTest {
    @Test
    void defaultsArePoliteAndSafe() {
        FetchSettings d = FetchSettings.defaults();
        assertEquals(2, d.perHostConcurrency());
        assertEquals(Duration.ofSeconds(1), d.politenessDelay());
        assertEquals(5L * 1024 * 1024, d.maxBodyBytes());
        assertEquals(5, d.maxRedirects());
        assertEquals(3, d.maxAttempts());
        assertTrue(d.respectRobots());
        assertTrue(d.allowFileUrls());
        assertFalse(d.allowLoopback());
        assertFalse(d.allowPrivateNetworks());
        assertEquals("newsmetrics", d.robotName());
    }

    @Test
    void rejectsNonsense() {
        FetchSettings d = FetchSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withPerHostConcurrency(0));
        assertThrows(IllegalArgumentException.class, () -> d.withRequestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxBodyBytes(0));
        assertThrows(IllegalArgumentException.class, () -> d.withUserAgent(" "));
        assertThrows(IllegalArgumentException.class, () -> d.withPolitenessDelay(Duration.ofSeconds(-1)));
    }

    @Test
    void parsesRetryAfterSecondsAndDates() {
        assertEquals(Duration.ofSeconds(120), Crawler.retryAfter("120"));
        assertEquals(null, Crawler.retryAfter("soon"));
        assertEquals(Duration.ZERO, Crawler.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}
