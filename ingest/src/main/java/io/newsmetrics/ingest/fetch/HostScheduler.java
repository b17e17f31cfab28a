package io.newsmetrics.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs tasks per host politely: at most {@code perHost} at once for one host, starts at least {@code delay}
 * apart (longer when the host's robots.txt asks), each not before its own earliest time (retry backoff).
 * A task waiting for its host holds no thread: the global limit is the size of the worker executor, and a busy
 * host never starves the others.
 */
final class HostScheduler {
    /** A host with nothing queued or running is forgotten after this many hosts are known. */
    private static final int MAX_IDLE_HOSTS = 10_000;

    private record Pending(long notBefore, long seq, Runnable task) {
    }

    private final class Host {
        final String name;
        final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.notBefore != b.notBefore
                ? Long.compare(a.notBefore, b.notBefore) : Long.compare(a.seq, b.seq));
        int running;
        long lastStart;
        long nextStart;
        long delayNanos = defaultDelayNanos;
        long wakeAt = Long.MAX_VALUE;

        Host(String name) {
            this.name = name;
        }
    }

    private final int perHost;
    private final long defaultDelayNanos;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private final Map<String, Host> hosts = new HashMap<>();
    private long seq;
    private int queued;

    HostScheduler(int perHost, Duration delay, Executor workers, ScheduledExecutorService timer) {
        this(perHost, delay, workers, timer, System::nanoTime);
    }

    HostScheduler(int perHost, Duration delay, Executor workers, ScheduledExecutorService timer, LongSupplier nanoClock) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1, was " + perHost);
        }
        this.perHost = perHost;
        this.defaultDelayNanos = delay.toNanos();
        this.workers = Objects.requireNonNull(workers, "workers");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.nanoClock = nanoClock;
    }

    /** Queues {@code task} for {@code host}, to start no earlier than {@code notBefore} from now. */
    void submit(String host, Duration notBefore, Runnable task) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            Host h = hosts.computeIfAbsent(host, Host::new);
            h.queue.add(new Pending(nanoClock.getAsLong() + Math.max(0, notBefore.toNanos()), seq++, task));
            queued++;
            dispatch(h);
        }
    }

    /** Sets the gap between request starts for a host (from robots.txt Crawl-delay); never below the default. */
    void setDelay(String host, Duration delay) {
        synchronized (this) {
            Host h = hosts.computeIfAbsent(host, Host::new);
            h.delayNanos = Math.max(defaultDelayNanos, delay.toNanos());
            if (h.lastStart != 0) {
                h.nextStart = Math.max(h.nextStart, h.lastStart + h.delayNanos); // applies to the next start already
            }
        }
    }

    /**
     * Records that a request to the host starts now (a task may make more than one, e.g. robots.txt then the
     * page): the next task of the host starts no earlier than the delay after this.
     */
    void requestStarting(String host) {
        synchronized (this) {
            Host h = hosts.get(host);
            if (h != null) {
                long now = nanoClock.getAsLong();
                h.lastStart = now;
                h.nextStart = Math.max(h.nextStart, now + h.delayNanos);
            }
        }
    }

    /** Tasks waiting for their host (not yet started). */
    synchronized int queued() {
        return queued;
    }

    // Caller holds the lock.
    private void dispatch(Host h) {
        long now = nanoClock.getAsLong();
        while (h.running < perHost && !h.queue.isEmpty()) {
            Pending head = h.queue.peek();
            long startAt = Math.max(head.notBefore, h.nextStart);
            if (startAt > now) {
                wakeAt(h, startAt);
                return;
            }
            h.queue.poll();
            queued--;
            h.running++;
            h.lastStart = now;
            h.nextStart = now + h.delayNanos;
            try {
                workers.execute(() -> run(h, head.task));
            } catch (RejectedExecutionException e) {
                h.running--;
                return; // shutting down: the caller's task is dropped with the executor; the owner reports it
            }
        }
        if (h.queue.isEmpty() && h.running == 0 && hosts.size() > MAX_IDLE_HOSTS) {
            forgetIdleHosts(now);
        }
    }

    private void wakeAt(Host h, long at) {
        if (h.wakeAt <= at && h.wakeAt > nanoClock.getAsLong()) {
            return; // an earlier wake-up is already set
        }
        h.wakeAt = at;
        long delay = Math.max(0, at - nanoClock.getAsLong());
        try {
            timer.schedule(() -> {
                synchronized (this) {
                    h.wakeAt = Long.MAX_VALUE;
                    dispatch(h);
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void run(Host h, Runnable task) {
        try {
            task.run();
        } finally {
            synchronized (this) {
                h.running--;
                dispatch(h);
            }
        }
    }

    private void forgetIdleHosts(long now) {
        for (Iterator<Host> it = hosts.values().iterator(); it.hasNext(); ) {
            Host h = it.next();
            if (h.queue.isEmpty() && h.running == 0 && h.nextStart <= now) {
                it.remove();
            }
        }
    }

}
