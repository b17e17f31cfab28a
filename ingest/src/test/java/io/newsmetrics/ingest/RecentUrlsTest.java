package io.newsmetrics.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentUrlsTest {
    @Test
    void claimsOncePerWindow() {
        AtomicLong now = new AtomicLong();
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertTrue(r.claim("http://a/"));
        assertFalse(r.claim("http://a/"));
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertTrue(r.claim("http://a/"), "the window has passed");
        r.forget("http://a/");
        assertTrue(r.claim("http://a/"), "forgotten after a failure");
        r.remember("http://canonical/");
        assertFalse(r.claim("http://canonical/"));
    }

    @Test
    void zeroWindowTurnsDedupeOff() {
        RecentUrls r = new RecentUrls(Duration.ZERO, System::nanoTime);
        assertTrue(r.claim("x"));
        assertTrue(r.claim("x"));
    }
}
