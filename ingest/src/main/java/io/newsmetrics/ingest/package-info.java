/**
 * The ingest service: URLs in (topic {@code news-urls}, {@code POST /urls}, feeds), polite and guarded
 * fetching, parsed {@link io.newsmetrics.model.Article}s out (topic {@code articles}, key = canonical URL), and a
 * {@link io.newsmetrics.model.DeadLetter} on {@code news-urls-dlq} for every URL that could not be turned into one.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.newsmetrics.ingest.IngestService#start(IngestConfig)} with
 *       {@link io.newsmetrics.ingest.IngestConfig#defaults(String)}; {@code routes()} gives {@code /urls} (POST)
 *       and {@code /ingest/stats} (GET) for the launcher's HTTP server; {@code close()} stops within the shutdown
 *       timeout plus a few seconds.</li>
 *   <li>{@link io.newsmetrics.ingest.UrlPublisher} for {@code newsmetrics ingest URL|FILE|-}: turn arguments into
 *       requests with {@link io.newsmetrics.ingest.UrlRequests#fromArgument(String, boolean)} (a path becomes a
 *       {@code file:} URI), stdin lines with {@link io.newsmetrics.ingest.UrlRequests#parseValue(String)}.</li>
 * </ul>
 *
 * <h2>Delivery</h2>
 * At-least-once: an offset is committed only when the record's article or dead letter is acknowledged, and only
 * as part of a finished prefix of its partition. On shutdown, unfinished records are simply not committed and are
 * read again at the next start.
 *
 * <h2>Dedupe</h2>
 * A URL fetched within {@link io.newsmetrics.ingest.IngestConfig#dedupeWindow()} (or produced as an article's
 * canonical or final URL) is skipped unless the request says {@code force}. The memory is durable and shared by
 * all instances of the group: after each fetch the service writes a small JSON entry
 * ({@link io.newsmetrics.ingest.FetchLog.Entry}: time, canonical and final URL, ETag, Last-Modified) to the
 * compacted internal topic {@code ingest-fetched} ({@link io.newsmetrics.ingest.FetchLog#TOPIC}, key = the URL,
 * created by the service with as many partitions as {@code news-urls}), in the same partition number as the
 * {@code news-urls} record. Before processing the records of an assigned {@code news-urls} partition, the service
 * reads that partition of the log (only what it has not read yet when the partition comes back after a rebalance)
 * and keeps the entries within the window in memory (bounded); entries of partitions it no longer owns are
 * dropped. A restart, a partition moving or a second instance therefore does not fetch a URL again. This needs
 * every request for a URL in one {@code news-urls} partition: the project's producers key records by host
 * ({@link io.newsmetrics.ingest.UrlRequests}), and a record keyed otherwise (no key, another key) is first written
 * again under its host key by the service (counted as {@code rerouted}). A forced re-fetch is a conditional GET with the ETag /
 * Last-Modified of the URL's last fetch within the window, by whichever instance; a 304 produces no new article
 * (that fetch's article is on {@code articles} already), is counted as {@code notModified} and refreshes the
 * entry. At-least-once still means a URL whose fetch was in progress when its partition moved (or the service
 * stopped) may be fetched twice. Feeds: every instance polls every configured feed; their links go to
 * {@code news-urls} keyed like any request, so the durable dedupe lets each link be fetched once.
 *
 * <h2>Local files</h2>
 * {@code file:} URLs of readable regular files are read with the parse package's {@code ArticleFiles} when
 * {@link io.newsmetrics.ingest.fetch.FetchSettings#allowFileUrls()} is on (the default, for the CLI). They are
 * refused on {@code POST /urls} whatever the setting, so a remote client cannot read the server's files, and a
 * redirect can never lead to one. Turn the setting off when untrusted parties can write to {@code news-urls}.
 *
 * <h2>Safety</h2>
 * See {@link io.newsmetrics.ingest.fetch.Crawler}: only http/https; every address of a host checked (loopback,
 * private, link-local incl. 169.254.169.254, multicast, unspecified, reserved, and IPv6/mapped forms refused
 * unless allowed); named hosts are connected to only through an in-process proxy that resolves once, checks, and
 * connects to the checked address (DNS rebinding); bodies, decoding, redirects, retries and time are all bounded.
 */
package io.newsmetrics.ingest;
