package io.newsmetrics.ingest;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * URLs seen within a time window, for dedupe. In memory and per instance: two service instances (or a restart)
 * may each fetch a URL once. Bounded: the oldest entries go first.
 */
final class RecentUrls {
    static final int MAX_ENTRIES = 200_000;

    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Long> seenAt = new LinkedHashMap<>();

    RecentUrls(Duration window, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Marks the URL as seen now; false when it was already seen within the window (then nothing changes). */
    synchronized boolean claim(String url) {
        if (windowNanos == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        expire(now);
        Long at = seenAt.get(url);
        if (at != null && now - at < windowNanos) {
            return false;
        }
        put(url, now);
        return true;
    }

    /** Marks the URL as seen now. */
    synchronized void remember(String url) {
        if (windowNanos > 0) {
            put(url, nanoClock.getAsLong());
        }
    }

    /** Forgets a URL, so a later request fetches it again (after a failure). */
    synchronized void forget(String url) {
        seenAt.remove(url);
    }

    synchronized int size() {
        return seenAt.size();
    }

    private void put(String url, long now) {
        seenAt.remove(url); // re-insert at the end: the map is in time order
        seenAt.put(url, now);
        if (seenAt.size() > MAX_ENTRIES) {
            Iterator<String> it = seenAt.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    private void expire(long now) {
        for (Iterator<Map.Entry<String, Long>> it = seenAt.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue() >= windowNanos) {
                it.remove();
            } else {
                return;
            }
        }
    }
}
