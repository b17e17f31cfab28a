package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostSchedulerTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void limitsConcurrencyPerHostButNotAcrossHosts() throws Exception {
        HostScheduler s = new HostScheduler(2, Duration.ZERO, workers, timer);
        AtomicInteger runningA = new AtomicInteger();
        AtomicInteger maxA = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(7);
        CountDownLatch bRan = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            s.submit("a", Duration.ZERO, () -> {
                maxA.accumulateAndGet(runningA.incrementAndGet(), Math::max);
                await(bRan); // host a's slots stay busy until host b has run: b must not queue behind a
                sleep(20);
                runningA.decrementAndGet();
                done.countDown();
            });
        }
        s.submit("b", Duration.ZERO, () -> {
            bRan.countDown();
            done.countDown();
        });
        assertTrue(bRan.await(5, TimeUnit.SECONDS), "host b does not wait behind host a");
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(2, maxA.get());
    }

    @Test
    void spacesStartsByTheDelayAndHonoursNotBefore() throws Exception {
        HostScheduler s = new HostScheduler(4, Duration.ofMillis(100), workers, timer);
        List<Long> starts = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            s.submit("h", Duration.ZERO, () -> {
                starts.add(System.nanoTime());
                done.countDown();
            });
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 1) >= Duration.ofMillis(95).toNanos());
        }
        long submitted = System.nanoTime();
        CountDownLatch later = new CountDownLatch(1);
        long[] at = new long[1];
        s.submit("other", Duration.ofMillis(300), () -> {
            at[0] = System.nanoTime();
            later.countDown();
        });
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertTrue(at[0] - submitted >= Duration.ofMillis(290).toNanos());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
