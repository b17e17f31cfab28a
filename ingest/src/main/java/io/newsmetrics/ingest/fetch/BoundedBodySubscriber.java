package io.newsmetrics.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit. Past the limit it cancels the subscription, which closes the
 * connection, and fails with {@link TooLargeException}: an endless body costs at most {@code limit} bytes.
 * {@link #cancel(Throwable)} lets the caller stop a slow body on its own deadline.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    /** The body exceeded the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** The memory budget had no room for more of this body. */
    static final class OverBudgetException extends IOException {
        OverBudgetException(String message) {
            super(message);
        }
    }

    private final long limit;
    private final ByteBudget budget;
    private long reserved;
    private boolean detached;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long received;

    BoundedBodySubscriber(long limit, ByteBudget budget) {
        this.limit = limit;
        this.budget = budget;
    }

    /** A subscriber that takes nothing: it cancels at once and completes with an empty body. */
    static HttpResponse.BodySubscriber<byte[]> none() {
        return new BoundedBodySubscriber(-1, null);
    }

    private synchronized boolean reserve(long n) {
        if (detached || !budget.tryAcquire(n)) {
            return false;
        }
        reserved += n;
        return true;
    }

    /**
     * Ends the accounting: no more bytes are reserved, and the bytes reserved so far are handed to the caller,
     * who must release them to the budget (at once on failure, after use on success).
     */
    synchronized long detach() {
        detached = true;
        long r = reserved;
        reserved = 0;
        return r;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (limit < 0) {
            s.cancel();
            result.complete(new byte[0]);
            return;
        }
        if (result.isDone()) {
            s.cancel(); // cancelled before the body started
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            received += n;
            if (received > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException("body exceeds " + limit + " bytes"));
                return;
            }
            if (!reserve(n)) {
                subscription.cancel();
                result.completeExceptionally(new OverBudgetException("all fetches together hold "
                        + budget.used() + " of " + budget.capacity() + " body bytes"));
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: cancels the subscription (closing the connection) and fails the body with {@code cause}. */
    void cancel(Throwable cause) {
        result.completeExceptionally(cause);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
