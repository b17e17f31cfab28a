package io.newsmetrics.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A polite, guarded crawler: URL in, parsed {@link Article} out (or a {@link FetchException} saying why not).
 * <p>
 * Per URL: the scheme is checked (http, https; {@code file:} when allowed), robots.txt of the origin is
 * obeyed (cached), every address of the host is checked by the {@link AddressGuard} (and connected to only through
 * the {@link PinningProxy}, against DNS rebinding), the body is bounded and decoded, redirects are followed by us
 * (each hop passes every check again), transient failures (timeouts, connection errors, 429, 5xx) are retried
 * with exponential backoff and jitter, honouring Retry-After. Requests to one host are spaced by the politeness
 * delay (or the robots.txt Crawl-delay) and limited in number; the total is limited by the worker count.
 * Thread-safe.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final int MAX_VALIDATORS = 10_000;
    /** The largest robots.txt read (RFC 9309 asks for at least 500 KiB). */
    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final FetchSettings settings;
    private final ArticleParser parser;
    private final HttpFetcher http;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final HostScheduler scheduler;
    private final RobotsCache robots;
    /** Every unfinished URL, future to URL, so close() can fail them all. */
    private final Map<CompletableFuture<?>, String> active = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> validators = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > MAX_VALIDATORS;
        }
    };
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean closed;

    private final ByteBudget budget;

    private Crawler(FetchSettings settings, HostResolver resolver, ArticleParser parser, ByteBudget budget,
                    javax.net.ssl.SSLContext sslContext) {
        this.settings = settings;
        this.parser = parser;
        this.budget = budget;
        this.http = new HttpFetcher(settings, resolver, budget, sslContext);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.globalConcurrency(), settings.globalConcurrency(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "newsmetrics-crawler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsmetrics-crawler-timer");
            t.setDaemon(true);
            return t;
        });
        this.scheduler = new HostScheduler(settings.perHostConcurrency(), settings.politenessDelay(), workers, timer);
        this.robots = new RobotsCache(settings.robotName(), settings.robotsCacheTtl(), settings.maxRetryDelay(), System::nanoTime);
    }

    /** A crawler resolving names with the system resolver. */
    public static Crawler create(FetchSettings settings) {
        return create(settings, HostResolver.SYSTEM);
    }

    /** A crawler resolving names with {@code resolver} (tests map made-up names to 127.0.0.1). */
    public static Crawler create(FetchSettings settings, HostResolver resolver) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(resolver, "resolver");
        return new Crawler(settings, resolver, ArticleParser.create(), ByteBudget.forHeap(settings.maxBodyBytes()), null);
    }

    /** For tests: a crawler with its own body memory budget. */
    static Crawler create(FetchSettings settings, HostResolver resolver, ByteBudget budget) {
        return new Crawler(settings, resolver, ArticleParser.create(), budget, null);
    }

    /** For tests: a crawler trusting the certificates of {@code sslContext} (a local HTTPS server's). */
    static Crawler create(FetchSettings settings, HostResolver resolver, javax.net.ssl.SSLContext sslContext) {
        return new Crawler(settings, resolver, ArticleParser.create(), ByteBudget.forHeap(settings.maxBodyBytes()), sslContext);
    }

    /** Body bytes held by fetches right now (0 when idle: anything else is a leak). */
    long bufferedBytes() {
        return budget.used();
    }

    /**
     * Crawls one URL and parses it into an article.
     *
     * @param url         http, https or (when allowed) file URL
     * @param conditional send the validators (ETag, Last-Modified) of an earlier fetch of this URL, if any
     * @return completes with the result, or exceptionally with a {@link FetchException}; never left pending,
     *         even on {@link #close()}
     */
    public CompletableFuture<CrawlResult> crawl(String url, boolean conditional) {
        return crawl(url, conditional, null);
    }

    /**
     * Crawls one URL with a conditional GET using validators kept by the caller (e.g. in a durable store), so a
     * conditional GET works across restarts and instances.
     *
     * @param url        http, https or (when allowed) file URL
     * @param validators headers of an earlier {@link CrawlResult#validators()} ({@code If-None-Match},
     *                   {@code If-Modified-Since}), or empty for a plain GET
     * @return as {@link #crawl(String, boolean)}; a 304 gives a result with {@link CrawlResult#notModified()}
     */
    public CompletableFuture<CrawlResult> crawl(String url, Map<String, String> validators) {
        Objects.requireNonNull(validators, "validators");
        return crawl(url, false, validators);
    }

    private CompletableFuture<CrawlResult> crawl(String url, boolean conditional, Map<String, String> given) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = UrlNormalizer.parse(url);
        } catch (FetchException e) {
            return CompletableFuture.failedFuture(e);
        }
        if ("file".equals(uri.getScheme())) {
            CompletableFuture<CrawlResult> result = new CompletableFuture<>();
            if (closed) {
                result.completeExceptionally(FetchException.permanent(FailureReason.INTERRUPTED, url, "crawler is closed"));
                return result;
            }
            track(result, url);
            try {
                workers.execute(() -> runFile(result, url, uri));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(FetchException.permanent(FailureReason.INTERRUPTED, url, "crawler is closed"));
            }
            return result;
        }
        Map<String, String> validators = given != null ? conditionalHeaders(given)
                : conditional ? validatorsOf(uri.toString()) : Map.of();
        // Parsing runs in the worker that fetched the page, inside its host slot: bounded like fetching.
        return start(url, uri, validators, true, doc -> {
            if (doc.notModified()) {
                return new CrawlResult(url, doc.finalUrl(), null, true, doc.attempts(), Map.of());
            }
            rememberValidators(uri.toString(), doc.validators());
            try {
                return new CrawlResult(url, doc.finalUrl(), parse(doc), false, doc.attempts(), doc.validators());
            } catch (FetchException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * Fetches a document of any content type (feeds, sitemaps) with the same guards, politeness, robots.txt,
     * redirects and retries as pages.
     *
     * @param url        http or https URL
     * @param validators headers of an earlier {@link FetchedDocument#validators()} for a conditional GET, or empty
     * @return completes with the document (status 304 when unchanged), or exceptionally with a {@link FetchException}
     */
    public CompletableFuture<FetchedDocument> fetchDocument(String url, Map<String, String> validators) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(validators, "validators");
        URI uri;
        try {
            uri = UrlNormalizer.parse(url);
            HttpFetcher.requireHttp(uri);
        } catch (FetchException e) {
            return CompletableFuture.failedFuture(e);
        }
        return start(url, uri, validators, false, doc -> doc);
    }

    private void track(CompletableFuture<?> f, String url) {
        active.put(f, url);
        f.whenComplete((r, e) -> active.remove(f));
    }

    /**
     * Starts a job. {@code finisher} is attached before the job is scheduled, so it runs in the worker that
     * completes the fetch (inside its host slot, while the body is still counted in the memory budget), never
     * in the caller's thread.
     */
    private <T> CompletableFuture<T> start(String url, URI uri, Map<String, String> headers, boolean pageOnly,
                                           java.util.function.Function<FetchedDocument, T> finisher) {
        Job job = new Job(url, headers, pageOnly);
        CompletableFuture<T> out = job.result.thenApply(finisher);
        if (closed) {
            job.fail(FetchException.permanent(FailureReason.INTERRUPTED, url, "crawler is closed"));
            return out;
        }
        track(job.result, url);
        job.current = uri;
        job.visited.add(uri.toString());
        scheduler.submit(hostKey(uri), Duration.ZERO, () -> step(job));
        return out;
    }

    /** Counters for monitoring: requests made, retries scheduled, URLs in progress, URLs waiting for their host. */
    public Map<String, Long> stats() {
        return Map.of("requests", requests.get(), "retries", retries.get(), "inProgress", (long) active.size(),
                "waitingForHost", (long) scheduler.queued());
    }

    private void runFile(CompletableFuture<CrawlResult> result, String requested, URI uri) {
        String url = uri.toString();
        try {
            if (!settings.allowFileUrls()) {
                throw FetchException.permanent(FailureReason.INVALID_URL, url, "file: URLs are disabled");
            }
            Path path;
            try {
                path = Path.of(uri);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw FetchException.permanent(FailureReason.INVALID_URL, url, "not a local file path: " + e.getMessage());
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw FetchException.permanent(FailureReason.FILE_NOT_READABLE, url, "not a readable regular file: " + path);
            }
            long size = Files.size(path);
            if (size > settings.maxBodyBytes()) {
                throw FetchException.permanent(FailureReason.TOO_LARGE, url,
                        "file has " + size + " bytes, more than " + settings.maxBodyBytes());
            }
            Article article;
            try {
                article = ArticleFiles.read(path, parser);
            } catch (IOException e) {
                throw FetchException.permanent(FailureReason.FILE_NOT_READABLE, url, "cannot read " + path + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw FetchException.permanent(FailureReason.PARSE_FAILED, url, e.toString(), e);
            }
            requireText(article, url);
            result.complete(new CrawlResult(requested, url, article, false, 1));
        } catch (FetchException e) {
            result.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(FetchException.permanent(FailureReason.FILE_NOT_READABLE, url, e.toString(), e));
        }
    }

    /** One HTTP exchange of a job, run while holding a slot of the host of {@code job.current}. */
    private void step(Job job) {
        if (job.result.isDone()) {
            return;
        }
        URI uri = job.current;
        String url = uri.toString();
        try {
            if (closed) {
                throw FetchException.permanent(FailureReason.INTERRUPTED, url, "crawler closed");
            }
            job.attempts++;
            if (settings.respectRobots()) {
                checkRobots(uri);
            }
            Map<String, String> headers = job.headers;
            requests.incrementAndGet();
            scheduler.requestStarting(hostKey(uri)); // politeness counts from the page request itself
            HttpResult r = http.get(uri, headers, job.pageOnly, settings.maxBodyBytes());
            int status = r.status();
            if (status >= 200 && status <= 299 && status != 204 && status != 205) {
                try {
                    job.result.complete(new FetchedDocument(job.requested, url, status, r.contentType(), r.body(),
                            validators(r), job.attempts));
                } finally {
                    http.release(r);
                }
            } else if (status == 304 && !headers.isEmpty()) {
                job.result.complete(new FetchedDocument(job.requested, url, 304, null, new byte[0], headers, job.attempts));
            } else if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                redirect(job, r);
            } else if (status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                throw FetchException.retryable(FailureReason.HTTP_STATUS, url, "status " + status,
                        retryAfter(r.header("Retry-After")), null);
            } else {
                throw FetchException.permanent(FailureReason.HTTP_STATUS, url, "status " + status);
            }
        } catch (FetchException e) {
            retryOrFail(job, e);
        } catch (RuntimeException e) {
            log.warn("unexpected failure crawling {}", url, e);
            job.fail(FetchException.permanent(FailureReason.INTERNAL_ERROR, url, e.toString(), e));
        }
    }

    private void redirect(Job job, HttpResult r) throws FetchException {
        String url = r.uri().toString();
        String location = r.header("Location");
        if (location == null || location.isBlank()) {
            throw FetchException.permanent(FailureReason.REDIRECT_FAILED, url, "status " + r.status() + " without Location");
        }
        if (job.hops >= settings.maxRedirects()) {
            throw FetchException.permanent(FailureReason.REDIRECT_FAILED, url,
                    "more than " + settings.maxRedirects() + " redirects, last to " + location);
        }
        URI next;
        try {
            next = UrlNormalizer.normalize(r.uri().resolve(UrlNormalizer.lenient(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.permanent(FailureReason.REDIRECT_FAILED, url, "malformed Location " + location);
        }
        try {
            HttpFetcher.requireHttp(next); // a redirect may never lead to file: or other schemes
        } catch (FetchException e) {
            throw FetchException.permanent(FailureReason.REDIRECT_FAILED, url, "redirect to " + next + ": " + e.detail());
        }
        if (!job.visited.add(next.toString())) {
            throw FetchException.permanent(FailureReason.REDIRECT_FAILED, url, "redirect loop back to " + next);
        }
        job.hops++;
        job.attempts = 0;
        job.current = next;
        scheduler.submit(hostKey(next), Duration.ZERO, () -> step(job));
    }

    private void retryOrFail(Job job, FetchException e) {
        if (!e.retryable() || job.attempts >= settings.maxAttempts() || closed) {
            if (e.retryable() && job.attempts > 1) {
                job.fail(FetchException.permanent(e.reason(), e.url(), e.detail() + " (after " + job.attempts + " tries)", e));
            } else {
                job.fail(e);
            }
            return;
        }
        Duration delay = backoff(job.attempts, e.retryAfter());
        retries.incrementAndGet();
        log.debug("retrying {} in {} ms after {}", job.current, delay.toMillis(), e.getMessage());
        scheduler.submit(hostKey(job.current), delay, () -> step(job));
    }

    /** base * 2^(attempt-1), times a random factor in [0.5, 1.5); a longer Retry-After wins; capped. */
    Duration backoff(int attempt, Duration retryAfter) {
        long base = settings.retryBaseDelay().toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long millis = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        if (retryAfter != null) {
            millis = Math.max(millis, (retryAfter.toNanos() + 999_999) / 1_000_000); // rounded up: never early
        }
        return Duration.ofMillis(Math.min(millis, settings.maxRetryDelay().toMillis()));
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private void checkRobots(URI uri) throws FetchException {
        String origin = origin(uri);
        RobotsCache.Entry entry = robots.get(origin);
        if (entry == null) {
            entry = fetchRobots(uri, origin);
        }
        if (!entry.available()) {
            // Retrying before the failure is forgotten would only hit the cache again.
            throw FetchException.retryable(FailureReason.ROBOTS_UNAVAILABLE, uri.toString(),
                    "robots.txt of " + origin + " unavailable: " + entry.unavailableDetail(), robots.remaining(entry), null);
        }
        BaseRobotRules rules = entry.rules();
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay > 0) {
            scheduler.setDelay(hostKey(uri), Duration.ofMillis(Math.min(crawlDelay, settings.maxCrawlDelay().toMillis())));
        }
        if (!rules.isAllowed(uri.toString())) {
            throw FetchException.permanent(FailureReason.ROBOTS_DISALLOWED, uri.toString(),
                    "robots.txt of " + origin + " disallows it for " + settings.robotName());
        }
    }

    private RobotsCache.Entry fetchRobots(URI page, String origin) throws FetchException {
        URI uri = URI.create(origin + "/robots.txt");
        Set<String> seen = new HashSet<>();
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            HttpResult r;
            try {
                requests.incrementAndGet();
                r = http.get(uri, Map.of(), false, Math.min(MAX_ROBOTS_BYTES, settings.maxBodyBytes()));
            } catch (FetchException e) {
                if (e.reason() == FailureReason.CONNECTION_FAILED && !e.retryable() && hop == 0) {
                    // e.g. a TLS failure: the page on the same origin would fail the same way
                    throw FetchException.permanent(e.reason(), page.toString(), e.detail());
                }
                switch (e.reason()) {
                    case BLOCKED_ADDRESS, UNKNOWN_HOST, INVALID_URL, INTERRUPTED -> {
                        if (hop == 0) {
                            throw FetchException.permanent(e.reason(), page.toString(), e.detail());
                        }
                        return robots.allowAll(origin); // robots.txt redirected somewhere unusable: no rules
                    }
                    case TIMEOUT, CONNECTION_FAILED -> {
                        return robots.unavailable(origin, e.detail());
                    }
                    default -> {
                        return robots.allowAll(origin); // too large or undecodable: treat as absent
                    }
                }
            }
            int s = r.status();
            if (s >= 200 && s <= 299) {
                try {
                    return robots.parsed(origin, uri.toString(), r.body(), r.contentType());
                } finally {
                    http.release(r);
                }
            }
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String location = r.header("Location");
                if (location == null) {
                    return robots.allowAll(origin);
                }
                try {
                    uri = UrlNormalizer.normalize(uri.resolve(UrlNormalizer.lenient(location.strip())));
                    HttpFetcher.requireHttp(uri);
                } catch (URISyntaxException | IllegalArgumentException | FetchException e) {
                    return robots.allowAll(origin);
                }
                if (!seen.add(uri.toString())) {
                    return robots.allowAll(origin);
                }
                continue;
            }
            if (s == 429 || s >= 500) {
                return robots.unavailable(origin, "status " + s);
            }
            return robots.allowAll(origin); // 4xx: no rules
        }
        return robots.allowAll(origin); // too many redirects: RFC 9309 says treat as unavailable (4xx)
    }

    private Article parse(FetchedDocument doc) throws FetchException {
        String url = doc.finalUrl();
        String type = doc.contentType();
        String text = TextDecoder.decode(doc.body(), type);
        boolean plain = ContentTypes.isPlainText(type) || (type == null && !ContentTypes.looksLikeHtml(text));
        Article article;
        try {
            article = plain ? PlainText.toArticle(text, url) : parser.parse(text, url);
        } catch (RuntimeException e) {
            throw FetchException.permanent(FailureReason.PARSE_FAILED, url, e.toString(), e);
        }
        requireText(article, url);
        return article;
    }

    private static void requireText(Article article, String url) throws FetchException {
        if (article == null || article.text().isBlank()) {
            throw FetchException.permanent(FailureReason.PARSE_FAILED, url, "no main text found");
        }
    }

    /** Request headers for a later conditional GET of what {@code r} returned. */
    private static Map<String, String> validators(HttpResult r) {
        Map<String, String> v = new LinkedHashMap<>();
        String etag = r.header("ETag");
        String lastModified = r.header("Last-Modified");
        if (etag != null && !etag.isBlank() && etag.length() < 1024) {
            v.put("If-None-Match", etag.strip());
        }
        if (lastModified != null && !lastModified.isBlank() && lastModified.length() < 100) {
            v.put("If-Modified-Since", lastModified.strip());
        }
        return v;
    }

    /**
     * Of validators kept outside (a store anyone with topic access can write to), only {@code If-None-Match} and
     * {@code If-Modified-Since} with sane values: no other header and no control character reaches a request.
     */
    static Map<String, String> conditionalHeaders(Map<String, String> given) {
        Map<String, String> v = new LinkedHashMap<>();
        String etag = given.get("If-None-Match");
        String lastModified = given.get("If-Modified-Since");
        if (isHeaderValue(etag, 1024)) {
            v.put("If-None-Match", etag.strip());
        }
        if (isHeaderValue(lastModified, 100)) {
            v.put("If-Modified-Since", lastModified.strip());
        }
        return v;
    }

    private static boolean isHeaderValue(String s, int maxLength) {
        if (s == null || s.isBlank() || s.length() >= maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private void rememberValidators(String url, Map<String, String> v) {
        if (v.isEmpty()) {
            return;
        }
        synchronized (validators) {
            validators.put(url, v);
        }
    }

    private Map<String, String> validatorsOf(String url) {
        synchronized (validators) {
            return validators.getOrDefault(url, Map.of());
        }
    }

    static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (port < 0 ? "" : ":" + port);
    }

    /** Stops at once: running fetches are abandoned and every pending URL fails with INTERRUPTED. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        for (Map.Entry<CompletableFuture<?>, String> e : List.copyOf(active.entrySet())) {
            e.getKey().completeExceptionally(FetchException.permanent(FailureReason.INTERRUPTED, e.getValue(), "crawler closed"));
        }
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    /** The state of one URL across hops and tries; touched by one worker at a time. */
    private static final class Job {
        final String requested;
        final Map<String, String> headers;
        final boolean pageOnly;
        final CompletableFuture<FetchedDocument> result = new CompletableFuture<>();
        final Set<String> visited = new HashSet<>();
        volatile URI current;
        volatile int hops;
        volatile int attempts;

        Job(String requested, Map<String, String> headers, boolean pageOnly) {
            this.requested = requested;
            this.headers = Map.copyOf(headers);
            this.pageOnly = pageOnly;
        }

        void fail(FetchException e) {
            result.completeExceptionally(e);
        }
    }
}
