package io.newsmetrics.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes one guarded HTTP GET: scheme and address checks, connect and total timeouts, a bounded body, content
 * decoding. It follows no redirects and makes no retries: the {@link Crawler} decides those, so every hop
 * passes every guard again.
 */
final class HttpFetcher implements AutoCloseable {
    private final FetchSettings settings;
    private final HostResolver resolver;
    private final AddressGuard guard;
    private final PinningProxy proxy;
    private final HttpClient client;
    private final ByteBudget budget;

    HttpFetcher(FetchSettings settings, HostResolver resolver, ByteBudget budget, javax.net.ssl.SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.guard = AddressGuard.from(settings);
        this.budget = Objects.requireNonNull(budget, "budget");
        this.proxy = PinningProxy.start(guard, resolver, settings.connectTimeout(), settings.requestTimeout());
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .proxy(proxy.selector());
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.client = b.build();
    }

    /**
     * GETs a URL.
     *
     * @param uri      http or https URI
     * @param headers  extra request headers (conditional GET validators)
     * @param pageOnly refuse bodies whose content type is not HTML, XHTML or plain text
     * @param limit    most bytes of body read, before and after decoding
     * @return the response; for statuses other than 2xx the body is not read
     * @throws FetchException for refused addresses, timeouts, connection failures, too large or undecodable bodies
     */
    HttpResult get(URI uri, Map<String, String> headers, boolean pageOnly, long limit) throws FetchException {
        String url = uri.toString();
        requireHttp(uri);
        checkAddress(uri);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", pageOnly ? ContentTypes.ACCEPT_HEADER : "*/*")
                .header("Accept-Encoding", "gzip, deflate");
        headers.forEach(rb::header);
        AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
        AtomicReference<String> refusedType = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            int status = info.statusCode();
            if (status < 200 || status > 299) {
                return BoundedBodySubscriber.none();
            }
            String type = info.headers().firstValue("Content-Type").orElse(null);
            if (pageOnly && !ContentTypes.accepted(type)) {
                refusedType.set(type);
                return BoundedBodySubscriber.none();
            }
            BoundedBodySubscriber s = new BoundedBodySubscriber(limit, budget);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                s.cancel(new BoundedBodySubscriber.TooLargeException("Content-Length " + declared + " exceeds " + limit + " bytes"));
            }
            body.set(s);
            return s;
        };
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(rb.build(), handler);
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the wait for headers; this bound covers the body too.
            response = future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            BoundedBodySubscriber s = body.get();
            if (s != null) {
                s.cancel(new HttpTimeoutException("body not complete"));
            }
            future.cancel(true);
            releaseBody(body.get());
            throw FetchException.retryable(FailureReason.TIMEOUT, url,
                    "no complete response within " + settings.requestTimeout().toMillis() + " ms", null, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            releaseBody(body.get());
            Thread.currentThread().interrupt();
            throw FetchException.permanent(FailureReason.INTERRUPTED, url, "interrupted while fetching", e);
        } catch (ExecutionException | CancellationException e) {
            releaseBody(body.get());
            throw translate(e.getCause() == null ? e : e.getCause(), uri);
        }
        long reserved = body.get() == null ? 0 : body.get().detach();
        if (refusedType.get() != null) {
            throw FetchException.permanent(FailureReason.UNSUPPORTED_CONTENT_TYPE, url,
                    "content type " + refusedType.get() + " is not HTML, XHTML or plain text");
        }
        int status = response.statusCode();
        String refusal = response.headers().firstValue(PinningProxy.REFUSAL_HEADER).orElse(null);
        if (refusal != null) { // only the proxy sets it: it strips the header from origin responses
            budget.release(reserved);
            throw FetchException.permanent(FailureReason.BLOCKED_ADDRESS, url, refusal);
        }
        String connectError = response.headers().firstValue(PinningProxy.CONNECT_ERROR_HEADER).orElse(null);
        if (connectError != null) { // likewise only from the proxy: its connect to the origin failed
            budget.release(reserved);
            FailureReason reason = connectError.startsWith(FailureReason.TIMEOUT.name())
                    ? FailureReason.TIMEOUT : FailureReason.CONNECTION_FAILED;
            throw FetchException.retryable(reason, url, connectError.substring(connectError.indexOf(' ') + 1), null, null);
        }
        if (status < 200 || status > 299) {
            budget.release(reserved);
            return new HttpResult(uri, status, response.headers(), new byte[0], false, 0);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
        if (encoding == null || encoding.isBlank()) {
            return new HttpResult(uri, status, response.headers(), response.body(), true, reserved);
        }
        byte[] decoded;
        try {
            decoded = ContentDecoder.decode(response.body(), encoding, limit, url);
        } catch (FetchException e) {
            budget.release(reserved);
            throw e;
        }
        // The compressed bytes are garbage now; the decoded ones take their place in the budget.
        budget.release(reserved);
        if (!budget.tryAcquire(decoded.length)) {
            throw FetchException.retryable(FailureReason.OVERLOADED, url, "no room in the body memory budget for "
                    + decoded.length + " decoded bytes", null, null);
        }
        return new HttpResult(uri, status, response.headers(), decoded, true, decoded.length);
    }

    /** Early check for a clear error; the proxy checks again at connect time for names, against rebinding. */
    private void checkAddress(URI uri) throws FetchException {
        guard.check(PinningProxy.stripBrackets(uri.getHost()), resolver, uri.toString());
    }

    static void requireHttp(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.permanent(FailureReason.INVALID_URL, uri.toString(), "scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw FetchException.permanent(FailureReason.INVALID_URL, uri.toString(), "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw FetchException.permanent(FailureReason.INVALID_URL, uri.toString(), "user info in URLs is not fetched");
        }
    }

    /** Gives back the bytes an {@link HttpResult} holds; call once its body has been used. */
    void release(HttpResult r) {
        budget.release(r.reserved());
    }

    private void releaseBody(BoundedBodySubscriber s) {
        if (s != null) {
            budget.release(s.detach());
        }
    }

    private FetchException translate(Throwable t, URI uri) {
        String url = uri.toString();
        if (t instanceof BoundedBodySubscriber.OverBudgetException) {
            return FetchException.retryable(FailureReason.OVERLOADED, url, t.getMessage(), null, t);
        }
        if (t instanceof BoundedBodySubscriber.TooLargeException) {
            return FetchException.permanent(FailureReason.TOO_LARGE, url, t.getMessage());
        }
        if (t instanceof HttpConnectTimeoutException) {
            return FetchException.retryable(FailureReason.TIMEOUT, url, "connect timed out after "
                    + settings.connectTimeout().toMillis() + " ms", null, t);
        }
        if (t instanceof HttpTimeoutException) {
            return FetchException.retryable(FailureReason.TIMEOUT, url, "timed out: " + t.getMessage(), null, t);
        }
        String refusal = proxy.lastRefusal(uri);
        if (refusal != null) {
            return FetchException.permanent(FailureReason.BLOCKED_ADDRESS, url, refusal);
        }
        if (t instanceof javax.net.ssl.SSLException) {
            return FetchException.permanent(FailureReason.CONNECTION_FAILED, url, "TLS failed: " + t.getMessage(), t);
        }
        if (t instanceof ConnectException || t instanceof IOException) {
            return FetchException.retryable(FailureReason.CONNECTION_FAILED, url,
                    t.getClass().getSimpleName() + ": " + t.getMessage(), null, t);
        }
        if (t instanceof CancellationException) {
            return FetchException.permanent(FailureReason.INTERRUPTED, url, "cancelled");
        }
        return FetchException.permanent(FailureReason.INTERNAL_ERROR, url, t.toString(), t);
    }

    @Override
    public void close() {
        proxy.close();
        // HttpClient has no close() before Java 21; its threads end once it is unreachable.
    }

}
