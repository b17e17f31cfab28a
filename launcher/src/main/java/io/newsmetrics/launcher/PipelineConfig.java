package io.newsmetrics.launcher;

import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.extractor.streams.ExtractorConfig;
import io.newsmetrics.ingest.IngestConfig;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What one process of the pipeline runs and where.
 *
 * @param bootstrapServers the Kafka cluster, or null to start the embedded broker
 * @param brokerPort       client port of the embedded broker (0 = any free port)
 * @param dataDir          where the embedded broker and the Streams state live
 * @param httpHost         address the HTTP server binds to
 * @param httpPort         HTTP port (0 = any free port)
 * @param advertisedHost   host other instances reach this one's HTTP server at
 * @param partitions       partitions of topics created at start-up
 * @param services         the services to run in this process
 * @param allowPrivateAddresses let ingest fetch from loopback and private addresses (demo, tests)
 * @param tuning           changes to each service's own settings beyond these (from CLI flags, tests)
 */
public record PipelineConfig(String bootstrapServers, int brokerPort, Path dataDir, String httpHost, int httpPort,
                             String advertisedHost, int partitions, Set<Service> services,
                             boolean allowPrivateAddresses, Tuning tuning) {

    /** Changes applied to each service's settings after the pipeline's own. */
    public record Tuning(UnaryOperator<IngestConfig> ingest, UnaryOperator<ExtractorConfig> extractor,
                         UnaryOperator<AggregatorConfig> aggregator) {
        public static final Tuning NONE = new Tuning(UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity());

        public Tuning {
            Objects.requireNonNull(ingest, "ingest");
            Objects.requireNonNull(extractor, "extractor");
            Objects.requireNonNull(aggregator, "aggregator");
        }
    }

    /** The services a process can run. */
    public enum Service { INGEST, EXTRACTOR, AGGREGATOR }

    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_PARTITIONS = 3;

    public PipelineConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        tuning = tuning == null ? Tuning.NONE : tuning;
        services = services == null || services.isEmpty() ? EnumSet.allOf(Service.class) : Set.copyOf(services);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (httpPort < 0 || httpPort > 65535 || brokerPort < 0 || brokerPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535, were http " + httpPort + ", broker " + brokerPort);
        }
    }

    /** Everything in one process on the given data directory, embedded broker, default ports. */
    public static PipelineConfig defaults(Path dataDir) {
        return new PipelineConfig(null, DEFAULT_BROKER_PORT, dataDir, "0.0.0.0", DEFAULT_HTTP_PORT, "127.0.0.1",
                DEFAULT_PARTITIONS, EnumSet.allOf(Service.class), false, Tuning.NONE);
    }

    public PipelineConfig withBootstrapServers(String servers) {
        return new PipelineConfig(servers, brokerPort, dataDir, httpHost, httpPort, advertisedHost, partitions,
                services, allowPrivateAddresses, tuning);
    }

    public PipelineConfig withPorts(int http, int broker) {
        return new PipelineConfig(bootstrapServers, broker, dataDir, httpHost, http, advertisedHost, partitions,
                services, allowPrivateAddresses, tuning);
    }

    public PipelineConfig withServices(Set<Service> only) {
        return new PipelineConfig(bootstrapServers, brokerPort, dataDir, httpHost, httpPort, advertisedHost, partitions,
                only, allowPrivateAddresses, tuning);
    }

    public PipelineConfig withAllowPrivateAddresses(boolean allow) {
        return new PipelineConfig(bootstrapServers, brokerPort, dataDir, httpHost, httpPort, advertisedHost, partitions,
                services, allow, tuning);
    }

    public PipelineConfig withPartitions(int count) {
        return new PipelineConfig(bootstrapServers, brokerPort, dataDir, httpHost, httpPort, advertisedHost, count,
                services, allowPrivateAddresses, tuning);
    }

    public PipelineConfig withHttp(String host, String advertised) {
        return new PipelineConfig(bootstrapServers, brokerPort, dataDir, host, httpPort, advertised, partitions,
                services, allowPrivateAddresses, tuning);
    }

    public PipelineConfig withTuning(Tuning changes) {
        return new PipelineConfig(bootstrapServers, brokerPort, dataDir, httpHost, httpPort, advertisedHost, partitions,
                services, allowPrivateAddresses, changes);
    }
}
