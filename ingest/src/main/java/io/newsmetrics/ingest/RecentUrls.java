package io.newsmetrics.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The dedupe memory of one service instance: URLs fetched within a time window, each with the {@code news-urls}
 * partition it belongs to and the validators (ETag, Last-Modified) for a later conditional GET.
 * <p>
 * It holds the entries of the partitions this instance owns: {@link #load} fills it from the durable
 * {@link FetchLog} when a partition is assigned, {@link #dropPartitions} empties it when the partition goes, so
 * a restart or a partition moving to another instance loses nothing. Times are wall-clock epoch milliseconds,
 * because entries come from other instances too. Bounded: beyond {@link #MAX_ENTRIES} the earliest inserted go
 * first. Thread-safe.
 */
final class RecentUrls {
    static final int MAX_ENTRIES = 200_000;

    /**
     * What is remembered of one URL: its partition, when it was claimed or fetched, its last finished fetch if
     * known, and whether a fetch by this instance is in progress (claimed, not finished).
     */
    private record Seen(int partition, long atMillis, FetchLog.Entry fetch, boolean pending) {
    }

    private final long windowMillis;
    private final LongSupplier clockMillis;
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

    /**
     * @param window      how long a fetch counts; zero turns dedupe off
     * @param clockMillis the current time in epoch milliseconds
     */
    RecentUrls(Duration window, LongSupplier clockMillis) {
        this.windowMillis = window.toMillis();
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /** Whether dedupe is on (a positive window). */
    boolean enabled() {
        return windowMillis > 0;
    }

    /**
     * Marks the URL as being fetched now, for {@code partition}; false when it was fetched (or is being fetched)
     * within the window, and then nothing changes.
     */
    synchronized boolean claim(String url, int partition) {
        if (windowMillis == 0) {
            return true;
        }
        long now = clockMillis.getAsLong();
        expire(now);
        Seen s = seen.get(url);
        if (s != null && within(s.atMillis(), now)) {
            return false;
        }
        put(url, new Seen(partition, now, null, true));
        return true;
    }

    /**
     * Marks the URL as being fetched now regardless of the window ({@code force}) and returns its last fetch
     * within the window (whose validators make the GET conditional), or null.
     */
    synchronized FetchLog.Entry claimForced(String url, int partition) {
        if (windowMillis == 0) {
            return null;
        }
        long now = clockMillis.getAsLong();
        expire(now);
        Seen s = seen.get(url);
        FetchLog.Entry last = s != null && within(s.atMillis(), now) ? s.fetch() : null;
        put(url, new Seen(partition, now, last, true));
        return last;
    }

    /**
     * A fetch finished now: requests for its URL, canonical URL and final URL are skipped within the window, and
     * a forced one gets its validators.
     */
    synchronized void remember(FetchLog.Entry fetch, int partition) {
        if (windowMillis > 0) {
            add(fetch, partition, clockMillis.getAsLong());
        }
    }

    /**
     * Adds a fetch read from the durable {@link FetchLog} unless it is older than the window or older than what
     * is here already.
     *
     * @return whether the entry was taken
     * @throws IllegalArgumentException when its time is unreadable
     */
    boolean load(FetchLog.Entry fetch, int partition) {
        return load(fetch, partition, fetch.fetchedAtMillis());
    }

    /** As {@link #load(FetchLog.Entry, int)}, with the entry's time already parsed. */
    synchronized boolean load(FetchLog.Entry fetch, int partition, long fetchedAtMillis) {
        if (windowMillis == 0) {
            return false;
        }
        long now = clockMillis.getAsLong();
        // a clock ahead of ours (or a bad entry) must not keep a URL out for longer than one window from now
        long at = Math.min(fetchedAtMillis, now);
        Seen old = seen.get(fetch.url());
        if (!within(at, now) || old != null && old.atMillis() >= at) {
            return false;
        }
        add(fetch, partition, at);
        return true;
    }

    private void add(FetchLog.Entry fetch, int partition, long at) {
        put(fetch.url(), new Seen(partition, at, fetch, false));
        for (String alias : new String[] {fetch.canonicalUrl(), fetch.finalUrl()}) {
            if (alias != null && !alias.equals(fetch.url())) {
                Seen s = seen.get(alias);
                if (s == null || s.atMillis() < at) {
                    put(alias, new Seen(partition, at, s == null ? null : s.fetch(), false));
                }
            }
        }
    }

    /** Forgets a URL, so a later request fetches it again (after a failure). */
    synchronized void forget(String url) {
        seen.remove(url);
    }

    /** Forgets every URL of the partitions (no longer owned: their new owner reads them from the log). */
    synchronized void dropPartitions(Collection<Integer> partitions) {
        if (!partitions.isEmpty()) {
            seen.values().removeIf(s -> partitions.contains(s.partition()));
        }
    }

    /**
     * Forgets the claims of fetches still in progress in the partitions, keeping finished fetches. Their records
     * are about to be read again (partition revoked, or sought back after a failure), and a record read again must
     * not be skipped because of its own earlier, unfinished attempt: that attempt's output is not guaranteed.
     */
    synchronized void dropPending(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<String, Seen>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Seen> e = it.next();
            Seen s = e.getValue();
            if (s.pending() && partitions.contains(s.partition())) {
                if (s.fetch() == null) {
                    it.remove();
                } else { // a forced re-fetch: the earlier fetch still counts, from its own time
                    e.setValue(new Seen(s.partition(), s.fetch().fetchedAtMillis(), s.fetch(), false));
                }
            }
        }
    }

    synchronized int size() {
        return seen.size();
    }

    private boolean within(long at, long now) {
        return now - at < windowMillis;
    }

    private void put(String url, Seen s) {
        seen.remove(url); // re-insert at the end: the map is (roughly) in time order
        seen.put(url, s);
        if (seen.size() > MAX_ENTRIES) {
            Iterator<String> it = seen.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** Drops expired entries from the front; entries loaded out of time order may stay a little longer. */
    private void expire(long now) {
        for (Iterator<Map.Entry<String, Seen>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (!within(it.next().getValue().atMillis(), now)) {
                it.remove();
            } else {
                return;
            }
        }
    }
}
