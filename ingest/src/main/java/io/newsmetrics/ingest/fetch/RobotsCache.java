package io.newsmetrics.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * robots.txt rules per origin ({@code scheme://host:port}), kept for a time-to-live. Parsing is crawler-commons'
 * {@link SimpleRobotRulesParser} (RFC 9309). Outcomes of fetching robots.txt:
 * 2xx parsed; 4xx means no rules (all allowed); 5xx or a network failure means "not now": the URL is retried
 * later, and that outcome is cached only briefly.
 */
final class RobotsCache {
    /** Longest time a failed robots.txt fetch is remembered before it is tried again. */
    static final Duration MAX_UNAVAILABLE_TTL = Duration.ofSeconds(30);
    private static final int MAX_ORIGINS = 10_000;

    /** The rules of an origin, or the fact that they could not be had. */
    record Entry(BaseRobotRules rules, String unavailableDetail, long expiresAtNanos) {
        boolean available() {
            return rules != null;
        }
    }

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final String robotName;
    private final long ttlNanos;
    private final long unavailableTtlNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    /**
     * @param ttl            how long fetched rules are kept
     * @param unavailableTtl how long "could not fetch" is kept (capped at {@link #MAX_UNAVAILABLE_TTL})
     */
    RobotsCache(String robotName, Duration ttl, Duration unavailableTtl, LongSupplier nanoClock) {
        this.robotName = Objects.requireNonNull(robotName, "robotName");
        this.ttlNanos = ttl.toNanos();
        this.unavailableTtlNanos = Math.min(Math.min(ttlNanos, unavailableTtl.toNanos()), MAX_UNAVAILABLE_TTL.toNanos());
        this.nanoClock = nanoClock;
    }

    /** The cached entry for an origin, or null when absent or expired. */
    synchronized Entry get(String origin) {
        Entry e = entries.get(origin);
        if (e == null || e.expiresAtNanos - nanoClock.getAsLong() <= 0) {
            return null;
        }
        return e;
    }

    /** Parses and caches a fetched robots.txt. */
    Entry parsed(String origin, String robotsUrl, byte[] content, String contentType) {
        SimpleRobotRules rules = parser.parseContent(robotsUrl, content, contentType == null ? "text/plain" : contentType,
                java.util.List.of(robotName));
        return put(origin, new Entry(rules, null, nanoClock.getAsLong() + ttlNanos));
    }

    /** Caches "no robots.txt": everything allowed. */
    Entry allowAll(String origin) {
        return put(origin, new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null,
                nanoClock.getAsLong() + ttlNanos));
    }

    /** Caches, briefly, that robots.txt could not be fetched. */
    Entry unavailable(String origin, String detail) {
        return put(origin, new Entry(null, detail, nanoClock.getAsLong() + unavailableTtlNanos));
    }

    /** Time until an entry expires (when a deferred URL is worth another try). */
    Duration remaining(Entry e) {
        return Duration.ofNanos(Math.max(0, e.expiresAtNanos - nanoClock.getAsLong()));
    }

    private synchronized Entry put(String origin, Entry e) {
        entries.put(origin, e);
        return e;
    }
}
