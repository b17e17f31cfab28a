package io.newsmetrics.bench;

import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.launcher.PipelineConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The benchmarks of newsmetrics, each printing its figures with the machine's load:
 * <pre>
 *   java -jar bench/target/newsmetrics-bench.jar all|transport|extract|pipeline|freshness|ingest [--option value ...]
 * </pre>
 * Options: {@code --articles N} (pipeline and transport, default 20000), {@code --warmup N} (pipeline: N other
 * articles through first, untimed, for a sustained rather than a cold-start figure; default 0), {@code --rate R}
 * and {@code --seconds S} (freshness, default 100 articles/s for 30 s after a 10 s warm-up at that rate),
 * {@code --urls N} (ingest, default 2000), {@code --partitions N} (default 3), {@code --extractor-threads N} and
 * {@code --aggregator-threads N} (stream threads of each application, default 1), {@code --aggregator-commit-ms N}
 * (the aggregator's commit interval, default its own), {@code --extractor-commit-ms N} (the extractor's, default
 * its own 100 ms), {@code --aggregator-rocksdb-mib N} (the aggregator's RocksDB
 * memory budget, default its own), {@code --shared DIR} (default ../shared, or the newsmetrics.shared property),
 * {@code --dir DIR} (scratch directory, default a new temporary one, deleted at the end).
 */
public final class Bench {
    private static final List<String> BENCHES = List.of("transport", "extract", "pipeline", "freshness", "ingest");
    /** The JVM settings of the {@code newsmetrics} script and the image; measure the pipeline as it runs there. */
    static final List<String> LAUNCHER_JVM_FLAGS = List.of("-XX:CompileThresholdScaling=2", "-XX:+UseTransparentHugePages");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (UsageException e) {
            System.err.println("newsmetrics-bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A bad command line: printed without a stack trace. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: newsmetrics-bench all|" + String.join("|", BENCHES)
                    + " [--articles N] [--warmup N] [--rate R] [--seconds S] [--urls N] [--partitions N] [--extractor-threads N] [--aggregator-threads N]"
                    + " [--aggregator-commit-ms N] [--extractor-commit-ms N] [--aggregator-rocksdb-mib N] [--shared DIR] [--dir DIR]");
            return;
        }
        String which = args[0];
        if (!which.equals("all") && !BENCHES.contains(which)) {
            System.err.println("newsmetrics-bench: unknown benchmark '" + which + "'; choose all, " + String.join(", ", BENCHES));
            System.exit(2);
        }
        Map<String, String> opts = options(args);
        int articles = intOption(opts, "articles", 20_000);
        int warmUp = intOption(opts, "warmup", 0, 0); // 0: the timed run starts on a cold JVM
        double rate = rateOption(opts.getOrDefault("rate", "100"));
        int seconds = intOption(opts, "seconds", 30);
        int urls = intOption(opts, "urls", 2_000);
        int partitions = intOption(opts, "partitions", 3);
        int extractorThreads = intOption(opts, "extractor-threads", 1);
        int aggregatorThreads = intOption(opts, "aggregator-threads", 1);
        // 0 = the aggregator's default commit interval
        int aggregatorCommitMs = opts.containsKey("aggregator-commit-ms") ? intOption(opts, "aggregator-commit-ms", 1) : 0;
        int extractorCommitMs = opts.containsKey("extractor-commit-ms") ? intOption(opts, "extractor-commit-ms", 1) : 0;
        int aggregatorRocksDbMib = intOption(opts, "aggregator-rocksdb-mib", 0, 0); // 0: the aggregator's default
        PipelineConfig.Tuning tuning = new PipelineConfig.Tuning(UnaryOperator.identity(),
                e -> e.withOverrides(extractorCommitMs == 0
                        ? Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, extractorThreads)
                        : Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, extractorThreads,
                                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, extractorCommitMs)),
                a -> {
                    AggregatorConfig c = a.withStreamThreads(aggregatorThreads);
                    c = aggregatorRocksDbMib == 0 ? c : c.withRocksDbMemoryBytes(aggregatorRocksDbMib * 1024L * 1024);
                    return aggregatorCommitMs == 0 ? c : c.withCommitInterval(Duration.ofMillis(aggregatorCommitMs));
                });
        Path shared = Path.of(opts.getOrDefault("shared", System.getProperty("newsmetrics.shared", "../shared")));
        boolean keep = opts.containsKey("dir");
        Path root = keep ? Path.of(opts.get("dir")) : Files.createTempDirectory("newsmetrics-bench");
        Files.createDirectories(root);

        List<String> jvmFlags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        System.out.printf(Locale.ROOT, "newsmetrics bench: %s; java %s %s, max heap %d MiB; %s%n", which,
                System.getProperty("java.version"), jvmFlags, Runtime.getRuntime().maxMemory() >> 20, Machine.load());
        List<String> missing = LAUNCHER_JVM_FLAGS.stream().filter(f -> !jvmFlags.contains(f)).toList();
        if (!missing.isEmpty()) {
            System.out.println("  note: without " + String.join(" ", missing) + ", which ./newsmetrics and the image pass"
                    + " to the JVM, the pipeline takes more CPU per article (README, Benchmarks)");
        }
        Corpus corpus = Corpus.load(shared);
        List<String> run = which.equals("all") ? BENCHES : List.of(which);
        TransportBench.Result transport = null;
        try {
            for (String b : run) {
                Path dir = root.resolve(b);
                String before = Machine.load();
                switch (b) {
                    case "transport" -> {
                        transport = TransportBench.run(dir, corpus, articles, partitions);
                        print(transport.describe(), before);
                    }
                    case "extract" -> print(ExtractBench.run(corpus, Math.min(articles, 2_000)).describe(), before);
                    case "pipeline" -> {
                        PipelineBench.Result r = PipelineBench.run(dir, corpus, articles, warmUp, partitions, tuning);
                        print(r.describe(), before);
                        if (transport != null) {
                            System.out.printf(Locale.ROOT, "  pipeline / raw transport (produce) = %.3f (%.0f vs %.0f records/s)%n",
                                    r.articlesPerSecond() / transport.produceRate(), r.articlesPerSecond(), transport.produceRate());
                        }
                        System.out.printf(Locale.ROOT, "  memory after the pipeline run: peak RSS (VmHWM) %.0f MiB during it; %s%n",
                                r.peakRssMib(), Machine.memory());
                        System.out.println("  RocksDB: aggregator stores use BoundedRocksDbConfig (one shared LRU block cache "
                                + "+ write-buffer manager, AggregatorConfig.rocksDbMemoryBytes, default " + AggregatorConfig.DEFAULT_ROCKSDB_MEMORY_MIB
                                + " MiB); the extractor has no stores");
                        System.out.println("  RocksDB check: " + PipelineBench.rocksDbEvidence(dir));
                    }
                    case "freshness" -> {
                        FreshnessBench.Result r = FreshnessBench.run(dir, corpus, rate, seconds, FreshnessBench.STEADY_WARM_UP_SECONDS, 10, partitions, tuning);
                        print(r.describe(), before);
                    }
                    case "ingest" -> {
                        IngestBench.Result r = IngestBench.run(dir, shared, urls);
                        print(r.describe(), before);
                        System.out.println("  ingest stats: " + r.stats());
                    }
                    default -> throw new IllegalStateException(b);
                }
            }
        } finally {
            if (!keep) {
                deleteTree(root);
            }
        }
        System.out.println("done; " + Machine.memory() + "; " + Machine.load());
        System.exit(0); // Kafka and HTTP client threads must not keep the JVM alive
    }

    private static void print(String line, String loadBefore) {
        System.out.println(line);
        System.out.println("  (" + loadBefore + " before, " + Machine.load() + " after)");
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value, got '" + a + "'");
            }
            out.put(a.substring(2), args[++i]);
        }
        return out;
    }

    private static int intOption(Map<String, String> opts, String name, int def) {
        return intOption(opts, name, def, 1);
    }

    static int intOption(Map<String, String> opts, String name, int def, int min) {
        String v = opts.get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number >= " + min + ", was '" + v + "'");
        }
    }

    static double rateOption(String v) {
        try {
            double r = Double.parseDouble(v);
            if (r > 0 && Double.isFinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--rate must be a positive number of articles per second, was '" + v + "'");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
