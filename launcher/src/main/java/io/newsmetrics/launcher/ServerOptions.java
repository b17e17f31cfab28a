package io.newsmetrics.launcher;

import picocli.CommandLine.Option;

import java.nio.file.Path;

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

    PipelineConfig toConfig() {
        String servers = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers;
        return PipelineConfig.defaults(dataDir)
                .withBootstrapServers(servers)
                .withPorts(httpPort, brokerPort)
                .withHttp(httpHost, advertisedHost)
                .withPartitions(partitions)
                .withAllowPrivateAddresses(allowPrivateAddresses);
    }
}
