package io.newsmetrics.launcher;

import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.extractor.streams.ExtractorConfig;
import io.newsmetrics.ingest.fetch.FetchSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Options shared by the commands that run services. */
final class ServerOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster to use; unset = start the embedded broker (env NEWSMETRICS_BOOTSTRAP_SERVERS or KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
            description = "Embedded broker log and Kafka Streams state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "HTTP port of the query API, the dashboard and POST /urls (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address the HTTP server binds to (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--advertised-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Host other instances reach this one's HTTP server at: Streams' application.server (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--broker-port", defaultValue = "9092", paramLabel = "PORT",
            description = "Client port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
            description = "Partitions of each topic created at start-up (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--allow-private-addresses", defaultValue = "false",
            description = "Let ingest fetch pages from loopback and private addresses (refused by default).")
    boolean allowPrivateAddresses;

    @Option(names = "--extractor-application-id", defaultValue = ExtractorConfig.DEFAULT_APPLICATION_ID, paramLabel = "ID",
            description = "Kafka Streams application id of the extractor; a new id re-reads articles (see reprocess) (default: ${DEFAULT-VALUE}).")
    String extractorApplicationId;

    @Option(names = "--extractor-threads", defaultValue = "1", paramLabel = "N",
            description = "Kafka Streams threads of the extractor; extraction is CPU-bound, so up to one per core (default: ${DEFAULT-VALUE}).")
    int extractorThreads;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on the query API (off when unset; /health and /ready stay open).")
    String authToken;

    @Option(names = "--standby-replicas", defaultValue = "1", paramLabel = "N",
            description = "Warm copies of each aggregator store on other instances (default: ${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--max-standby-lag", defaultValue = "10000", paramLabel = "RECORDS",
            description = "A standby or restoring store answers only within this many records of the active one; else 503 (default: ${DEFAULT-VALUE}).")
    long maxStandbyLag;

    @Option(names = "--rocksdb-memory-mib", defaultValue = "" + AggregatorConfig.DEFAULT_ROCKSDB_MEMORY_MIB, paramLabel = "MIB",
            description = "RocksDB block cache and write buffers shared by all aggregator stores of this instance, "
                    + "in MiB (default: ${DEFAULT-VALUE}).")
    int rocksDbMemoryMib;

    @Option(names = "--user-agent", defaultValue = FetchSettings.DEFAULT_USER_AGENT, paramLabel = "UA",
            description = "User-Agent of the crawler; its first token is the robots.txt agent name (default: ${DEFAULT-VALUE}).")
    String userAgent;

    @Option(names = "--politeness-delay", defaultValue = "PT1S", paramLabel = "DURATION",
            description = "Least time between two requests to one host, ISO-8601; a longer Crawl-delay wins (default: ${DEFAULT-VALUE}).")
    Duration politenessDelay;

    @Option(names = "--per-host-concurrency", defaultValue = "2", paramLabel = "N",
            description = "Most requests in flight to one host (default: ${DEFAULT-VALUE}).")
    int perHostConcurrency;

    @Option(names = "--dedupe-window", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "A URL fetched within this window is not fetched again unless forced (default: ${DEFAULT-VALUE}).")
    Duration dedupeWindow;

    @Option(names = "--allow-file-urls", defaultValue = "false",
            description = "Let the ingest service read file: URLs from news-urls (off: anyone who can write to the topic "
                    + "could make the service read its files; 'newsmetrics ingest FILE' parses files itself).")
    boolean allowFileUrls;

    @Option(names = "--feed", paramLabel = "URL",
            description = "An RSS/Atom feed or (news) sitemap to poll; its new links are ingested. Repeatable.")
    java.util.List<String> feeds = new java.util.ArrayList<>();

    @Option(names = "--feed-interval", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "Time between two polls of the feeds, with conditional GET (default: ${DEFAULT-VALUE}).")
    Duration feedInterval;

    PipelineConfig.Tuning tuning() {
        return new PipelineConfig.Tuning(
                ingest -> ingest.withDedupeWindow(dedupeWindow).withFeeds(feeds).withFeedPollInterval(feedInterval)
                        .withFetch(ingest.fetch()
                        .withAllowFileUrls(allowFileUrls)
                        .withUserAgent(userAgent)
                        .withPolitenessDelay(politenessDelay)
                        .withPerHostConcurrency(perHostConcurrency)),
                extractor -> extractor.withApplicationId(extractorApplicationId).withOverrides(
                        java.util.Map.of(org.apache.kafka.streams.StreamsConfig.NUM_STREAM_THREADS_CONFIG, extractorThreads)),
                aggregator -> aggregator.withAuthToken(authToken)
                        .withStandbyReplicas(standbyReplicas)
                        .withMaxStandbyLag(maxStandbyLag)
                        .withRocksDbMemoryBytes(rocksDbMemoryBytes()));
    }

    private long rocksDbMemoryBytes() {
        if (rocksDbMemoryMib < 1) {
            throw new IllegalArgumentException("--rocksdb-memory-mib must be at least 1, was " + rocksDbMemoryMib);
        }
        return rocksDbMemoryMib * 1024L * 1024;
    }

    PipelineConfig toConfig() {
        String servers = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers;
        return PipelineConfig.defaults(dataDir)
                .withBootstrapServers(servers)
                .withPorts(httpPort, brokerPort)
                .withHttp(httpHost, advertisedHost)
                .withPartitions(partitions)
                .withAllowPrivateAddresses(allowPrivateAddresses)
                .withTuning(tuning());
    }
}
