package io.newsmetrics.ingest.bench;

import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.ingest.fetch.CrawlResult;
import io.newsmetrics.ingest.fetch.Crawler;
import io.newsmetrics.ingest.fetch.FetchSettings;
import io.newsmetrics.ingest.fetch.HostResolver;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures crawl throughput (fetch + decode + parse into an Article) against a local server on 127.0.0.1, with
 * politeness off. Prints pages/s and the peak heap in use.
 * <pre>
 * FetchBench [--pages N] [--concurrency C] [--page-kib K] [--named]
 * </pre>
 * {@code --named} addresses the server by a made-up host name, so every request goes through the DNS-pinning
 * proxy (the path real sites take); without it the IP literal is fetched directly.
 */
public final class FetchBench {
    private FetchBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = 5000;
        int concurrency = 32;
        int pageKib = 20;
        boolean named = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--page-kib" -> pageKib = Integer.parseInt(args[++i]);
                case "--named" -> named = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --pages N --concurrency C --page-kib K --named");
            }
        }
        byte[] page = page(pageKib);
        // The JDK server writes headers and body in separate segments; with Nagle on, every response would wait
        // for the client's delayed ACK (~40 ms). Real web servers do not behave so; measure the crawler instead.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
        server.createContext("/", ex -> {
            try (ex) {
                if (ex.getRequestURI().getPath().equals("/robots.txt")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, page.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(page);
                }
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        String base = (named ? "http://bench.test:" : "http://127.0.0.1:") + server.getAddress().getPort() + "/article/";
        FetchSettings settings = FetchSettings.defaults()
                .withAllowLoopback(true)
                .withPolitenessDelay(Duration.ZERO)
                .withPerHostConcurrency(concurrency)
                .withGlobalConcurrency(concurrency);
        HostResolver resolver = host -> host.equals("bench.test")
                ? List.of(InetAddress.getByName("127.0.0.1")) : HostResolver.SYSTEM.resolve(host);
        AtomicLong failures = new AtomicLong();
        AtomicLong textChars = new AtomicLong();
        try (Crawler crawler = Crawler.create(settings, resolver)) {
            run(crawler, base, Math.min(500, pages), concurrency * 4, failures, textChars); // warm-up
            failures.set(0);
            resetPeaks();
            long start = System.nanoTime();
            run(crawler, base, pages, concurrency * 4, failures, textChars);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "pages=%d failures=%d seconds=%.2f pages_per_s=%.0f concurrency=%d page_kib=%d path=%s peak_heap_mib=%.0f max_heap_mib=%d%n",
                    pages, failures.get(), seconds, pages / seconds, concurrency, pageKib, named ? "pinning-proxy" : "direct",
                    peakHeapMib(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    /** Keeps at most {@code window} URLs outstanding, so memory stays bounded however many pages are asked for. */
    private static void run(Crawler crawler, String base, int pages, int window, AtomicLong failures, AtomicLong chars)
            throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        for (int i = 0; i < pages; i++) {
            slots.acquire();
            crawler.crawl(base + i + "?r=" + System.nanoTime(), false).whenComplete((CrawlResult r, Throwable e) -> {
                if (e != null) {
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println("failure: " + e);
                    }
                } else {
                    chars.addAndGet(r.article().text().length());
                }
                slots.release();
            });
        }
        slots.acquire(window);
    }

    private static byte[] page(int kib) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark")
                .append(" article</title><link rel=\"canonical\" href=\"https://bench.example/a\"></head><body><nav>")
                .append("<a href=\"/\">Home</a></nav><article><h1>Benchmark article</h1>");
        int i = 0;
        while (sb.length() < kib * 1024) {
            sb.append("<p>Paragraph ").append(i++).append(": inflation rose to 3.").append(i % 10)
                    .append("% in the quarter while unemployment held at 4.1%, officials said on Tuesday.</p>");
        }
        return sb.append("</article><footer>Footer</footer></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

}
