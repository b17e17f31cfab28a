package io.newsmetrics.ingest.fetch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on the body bytes held by all fetches at once, so many large pages in parallel cannot exhaust the heap:
 * a fetch that would go over it fails as {@link FailureReason#OVERLOADED} and is retried later.
 */
final class ByteBudget {
    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The default: an eighth of the heap, but always room for two bodies of the largest size. */
    static ByteBudget forHeap(long maxBodyBytes) {
        return new ByteBudget(Math.max(2 * maxBodyBytes, Runtime.getRuntime().maxMemory() / 8));
    }

    boolean tryAcquire(long n) {
        while (true) {
            long u = used.get();
            if (u + n > capacity) {
                return false;
            }
            if (used.compareAndSet(u, u + n)) {
                return true;
            }
        }
    }

    void release(long n) {
        if (n > 0) {
            used.addAndGet(-n);
        }
    }

    long used() {
        return used.get();
    }

    long capacity() {
        return capacity;
    }
}
