package io.newsmetrics.launcher.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsmetrics up} in a child JVM with the test class path, so a test can kill it like an operator's
 * {@code kill -9} would: broker, Streams applications and HTTP server die at once, mid-write.
 */
final class ChildPipeline implements AutoCloseable {
    private final Process process;
    private final Path log;
    final int httpPort;
    final int brokerPort;

    private ChildPipeline(Process process, Path log, int httpPort, int brokerPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.brokerPort = brokerPort;
    }

    /** Starts {@code up} on the data directory and waits until its aggregator answers {@code /ready}. */
    static ChildPipeline start(Path dataDir, int httpPort, int brokerPort, Path log) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-cp", classPath,
                "io.newsmetrics.launcher.NewsMetrics", "up",
                "--data-dir", dataDir.toString(), "--http-host", "127.0.0.1",
                "--http-port", String.valueOf(httpPort), "--broker-port", String.valueOf(brokerPort),
                "--partitions", "3"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the child reads no configuration from the environment of the build
        pb.environment().keySet().removeIf(k -> k.startsWith("NEWSMETRICS_") || k.equals("KAFKA_BOOTSTRAP_SERVERS"));
        ChildPipeline child = new ChildPipeline(pb.start(), log, httpPort, brokerPort);
        try {
            FaultKit.await("the child pipeline's /ready", Duration.ofSeconds(150), () -> {
                if (!child.process.isAlive()) {
                    throw new AssertionError("the child pipeline exited with " + child.process.exitValue() + ":\n" + child.logTail());
                }
                return FaultKit.status(child.api() + "/ready") == 200;
            });
        } catch (AssertionError | InterruptedException e) {
            child.close();
            throw new AssertionError(e.getMessage() + "\nchild log:\n" + child.logTail(), e);
        }
        return child;
    }

    String api() {
        return "http://127.0.0.1:" + httpPort;
    }

    String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child pipeline did not die within 30 s of SIGKILL");
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM and wait; SIGKILL when it does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
