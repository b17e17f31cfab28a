package io.newsmetrics.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentUrlsTest {
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private static FetchLog.Entry fetch(String url, long atMillis, String canonical, String etag) {
        return new FetchLog.Entry(url, Instant.ofEpochMilli(atMillis).toString(), canonical, url, etag, null);
    }

    @Test
    void claimsOncePerWindow() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertTrue(r.claim("http://a/", 0));
        assertFalse(r.claim("http://a/", 0));
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        assertTrue(r.claim("http://a/", 0), "the window has passed");
        r.forget("http://a/");
        assertTrue(r.claim("http://a/", 0), "forgotten after a failure");
        r.remember(fetch("http://a/", now.get(), "http://canonical/", null), 0);
        assertFalse(r.claim("http://canonical/", 0), "the canonical URL of a fetch counts as fetched");
    }

    @Test
    void zeroWindowTurnsDedupeOff() {
        RecentUrls r = new RecentUrls(Duration.ZERO, System::currentTimeMillis);
        assertFalse(r.enabled());
        assertTrue(r.claim("x", 0));
        assertTrue(r.claim("x", 0));
        assertFalse(r.load(fetch("y", System.currentTimeMillis(), null, null), 0));
    }

    @Test
    void forcedClaimReturnsTheValidatorsOfTheLastFetchWithinTheWindow() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertNull(r.claimForced("http://a/", 1), "never fetched: a plain GET");
        r.remember(fetch("http://a/", now.get(), null, "\"v1\""), 1);
        assertEquals(Map.of("If-None-Match", "\"v1\""), r.claimForced("http://a/", 1).validators());
        assertEquals("\"v1\"", r.claimForced("http://a/", 1).etag(), "a forced claim keeps what it knows");
        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertNull(r.claimForced("http://a/", 1), "beyond the window the fetch is forgotten");
    }

    @Test
    void loadsOnlyEntriesWithinTheWindowAndDropsThemWithTheirPartition() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertFalse(r.load(fetch("http://old/", T0 - Duration.ofMinutes(11).toMillis(), null, null), 0));
        assertTrue(r.claim("http://old/", 0), "an entry older than the window is ignored");
        assertTrue(r.load(fetch("http://p1/", T0 - Duration.ofMinutes(9).toMillis(), "http://p1-canonical/", "\"e\""), 1));
        assertTrue(r.load(fetch("http://p2/", T0 - 1, null, null), 2));
        assertFalse(r.load(fetch("http://p2/", T0 - 5_000, null, null), 2), "an older entry does not replace a newer one");
        assertFalse(r.claim("http://p1/", 1));
        assertFalse(r.claim("http://p1-canonical/", 1));
        r.dropPartitions(List.of(1));
        assertTrue(r.claim("http://p1/", 1), "a revoked partition's entries are gone");
        assertTrue(r.claim("http://p1-canonical/", 1));
        assertFalse(r.claim("http://p2/", 2), "other partitions stay");
    }

    @Test
    void dropsClaimsOfUnfinishedFetchesButKeepsFinishedOnes() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertTrue(r.claim("http://in-flight/", 1));
        assertTrue(r.claim("http://done/", 1));
        r.remember(fetch("http://done/", now.get(), null, "\"d\""), 1);
        r.remember(fetch("http://forced/", now.get() - 60_000, null, "\"f\""), 1);
        assertEquals("\"f\"", r.claimForced("http://forced/", 1).etag());
        assertTrue(r.claim("http://other-partition/", 2));
        r.dropPending(List.of(1));
        assertTrue(r.claim("http://in-flight/", 1), "a record read again is not skipped because of its own attempt");
        assertFalse(r.claim("http://done/", 1), "a finished fetch still counts");
        assertEquals("\"f\"", r.claimForced("http://forced/", 1).etag(), "the fetch before a forced one stays");
        assertFalse(r.claim("http://other-partition/", 2));
    }

    @Test
    void anEntryFromAClockAheadCountsFromNowAtMost() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofMinutes(10), now::get);
        assertTrue(r.load(fetch("http://future/", T0 + Duration.ofDays(365).toMillis(), null, null), 0));
        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertTrue(r.claim("http://future/", 0));
    }

    @Test
    void staysBounded() {
        AtomicLong now = new AtomicLong(T0);
        RecentUrls r = new RecentUrls(Duration.ofDays(1), now::get);
        for (int i = 0; i < RecentUrls.MAX_ENTRIES + 10; i++) {
            r.claim("http://x/" + i, i % 3);
        }
        assertEquals(RecentUrls.MAX_ENTRIES, r.size());
        assertTrue(r.claim("http://x/0", 0), "the oldest went first");
    }
}
