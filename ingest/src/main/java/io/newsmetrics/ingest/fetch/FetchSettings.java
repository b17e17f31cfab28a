package io.newsmetrics.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the crawler fetches pages. Immutable; start from {@link #defaults()} and adjust with {@code withX}.
 *
 * @param userAgent            the User-Agent header; its first product token is the robots.txt agent name
 * @param perHostConcurrency   most requests in flight to one host
 * @param politenessDelay      least time between the starts of two requests to one host; a longer robots.txt
 *                             Crawl-delay wins (capped at {@link #maxCrawlDelay})
 * @param maxCrawlDelay        Crawl-delay values above this are capped
 * @param globalConcurrency    most requests in flight overall (worker threads)
 * @param connectTimeout       TCP/TLS connect timeout
 * @param requestTimeout       total time for one exchange, headers and body; slow-drip servers end in TIMEOUT
 * @param maxBodyBytes         largest body read, before and after content decoding; above it: TOO_LARGE
 * @param maxRedirects         most redirects followed for one URL
 * @param maxAttempts          tries of one URL on timeouts, connection errors, 429 and 5xx
 * @param retryBaseDelay       first retry delay; doubles per try, with jitter; Retry-After wins when longer
 * @param maxRetryDelay        cap of any retry delay, Retry-After included
 * @param respectRobots        obey robots.txt (only turn off for benchmarks of your own server)
 * @param robotsCacheTtl       how long robots.txt rules of a host are kept
 * @param allowFileUrls        accept {@code file:} URLs of readable local files (the CLI passes files so)
 * @param allowLoopback        allow loopback addresses (127/8, ::1): only for tests and local setups
 * @param allowPrivateNetworks allow private, link-local and unique-local addresses
 */
public record FetchSettings(String userAgent, int perHostConcurrency, Duration politenessDelay, Duration maxCrawlDelay,
                            int globalConcurrency, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                            int maxRedirects, int maxAttempts, Duration retryBaseDelay, Duration maxRetryDelay,
                            boolean respectRobots, Duration robotsCacheTtl, boolean allowFileUrls,
                            boolean allowLoopback, boolean allowPrivateNetworks) {

    public static final String DEFAULT_USER_AGENT =
            "newsmetrics/0.1 (news indicator crawler)";
    public static final int DEFAULT_PER_HOST_CONCURRENCY = 2;
    public static final Duration DEFAULT_POLITENESS_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_CRAWL_DELAY = Duration.ofSeconds(30);
    public static final int DEFAULT_GLOBAL_CONCURRENCY = 32;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofMinutes(2);
    public static final Duration DEFAULT_ROBOTS_CACHE_TTL = Duration.ofHours(1);

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must be given");
        }
        requirePositive(perHostConcurrency, "perHostConcurrency");
        requireNonNegative(politenessDelay, "politenessDelay");
        requireNonNegative(maxCrawlDelay, "maxCrawlDelay");
        requirePositive(globalConcurrency, "globalConcurrency");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes must be 1.." + (Integer.MAX_VALUE - 16) + ", was " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
        requirePositive(maxAttempts, "maxAttempts");
        requireNonNegative(retryBaseDelay, "retryBaseDelay");
        requireNonNegative(maxRetryDelay, "maxRetryDelay");
        requireNonNegative(robotsCacheTtl, "robotsCacheTtl");
    }

    /** Polite defaults: 2 per host, 1 s apart, 32 overall, 10 s connect, 30 s total, 5 MiB, 5 redirects, 3 tries. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, DEFAULT_PER_HOST_CONCURRENCY, DEFAULT_POLITENESS_DELAY,
                DEFAULT_MAX_CRAWL_DELAY, DEFAULT_GLOBAL_CONCURRENCY, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BASE_DELAY,
                DEFAULT_MAX_RETRY_DELAY, true, DEFAULT_ROBOTS_CACHE_TTL, true, false, false);
    }

    /** The robots.txt agent name: the User-Agent's first product token, lower case (e.g. {@code newsmetrics}). */
    public String robotName() {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.toLowerCase(java.util.Locale.ROOT);
    }

    public FetchSettings withUserAgent(String v) {
        return new FetchSettings(v, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withPerHostConcurrency(int v) {
        return new FetchSettings(userAgent, v, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withPolitenessDelay(Duration v) {
        return new FetchSettings(userAgent, perHostConcurrency, v, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withMaxCrawlDelay(Duration v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, v, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withGlobalConcurrency(int v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, v, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withConnectTimeout(Duration v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, v, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withRequestTimeout(Duration v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, v, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withMaxBodyBytes(long v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, v, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withMaxRedirects(int v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, v, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withMaxAttempts(int v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, v, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withRetryDelays(Duration base, Duration max) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, base, max, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withRespectRobots(boolean v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, v, robotsCacheTtl, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withRobotsCacheTtl(Duration v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, v, allowFileUrls, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withAllowFileUrls(boolean v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, v, allowLoopback, allowPrivateNetworks);
    }

    public FetchSettings withAllowLoopback(boolean v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, v, allowPrivateNetworks);
    }

    public FetchSettings withAllowPrivateNetworks(boolean v) {
        return new FetchSettings(userAgent, perHostConcurrency, politenessDelay, maxCrawlDelay, globalConcurrency, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts, retryBaseDelay, maxRetryDelay, respectRobots, robotsCacheTtl, allowFileUrls, allowLoopback, v);
    }

    private static void requirePositive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + v);
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }
}
