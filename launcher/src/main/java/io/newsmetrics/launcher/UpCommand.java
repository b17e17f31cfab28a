package io.newsmetrics.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code newsmetrics up}: the whole pipeline in one process, on the embedded broker unless a cluster is given. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the embedded broker (unless --bootstrap-servers) and the ingest, extractor and aggregator services.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Option(names = "--demo", description = "Also serve the bundled sample pages from a local HTTP server and ingest them.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = server.toConfig();
        if (demo) {
            config = config.withAllowPrivateAddresses(true); // the demo pages are served from loopback
        }
        return runUntilStopped(config, demo);
    }

    /** Longest clean shutdown before the process halts anyway; above the services' own close timeouts. */
    static final long SHUTDOWN_BOUND_MS = 60_000;

    /** Starts the pipeline, prints where it is, and blocks until SIGTERM / Ctrl-C. */
    static int runUntilStopped(PipelineConfig config, boolean demo) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Pipeline pipeline = Pipeline.start(config);
        DemoSite site = demo ? DemoSite.start(pipeline.bootstrapServers()) : null;
        Thread hook = new Thread(() -> {
            System.err.println("newsmetrics: stopping");
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_BOUND_MS);
                    System.err.println("newsmetrics: clean shutdown took over " + SHUTDOWN_BOUND_MS + " ms; halting");
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsmetrics-shutdown-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            if (site != null) {
                site.close();
            }
            pipeline.close();
            stopped.countDown();
        }, "newsmetrics-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.printf("newsmetrics is up: http://localhost:%d/ (Kafka at %s, services %s)%n",
                pipeline.httpPort(), pipeline.bootstrapServers(), config.services());
        if (site != null) {
            System.err.printf("demo: ingesting %d sample pages from %s%n", site.pageCount(), site.baseUrl());
        }
        stopped.await();
        return 0;
    }
}
