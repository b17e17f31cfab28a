package io.newsmetrics.aggregator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one aggregator instance. Start from {@link #defaults} and change what you need with the
 * {@code withX} copies.
 *
 * @param bootstrapServers   Kafka {@code bootstrap.servers}
 * @param applicationId      Streams {@code application.id}: instances with the same id share the work
 * @param stateDir           where this instance keeps its RocksDB stores; one per instance
 * @param advertisedHostPort this instance's HTTP {@code host:port} as other instances reach it
 *                           (Streams {@code application.server})
 * @param standbyReplicas    warm copies of each store on other instances ({@code num.standby.replicas})
 * @param maxStandbyLag      a standby (or restoring) copy answers only when at most this many records behind
 * @param streamThreads      Streams processing threads
 * @param httpThreads        threads of the HTTP server's bounded pool
 * @param forwardTimeout     time limit of a request forwarded to another instance
 * @param authToken          when not null, every request except /health and /ready needs
 *                           {@code Authorization: Bearer <token>}; null turns auth off
 * @param rocksDbMemoryBytes one block cache + write buffer budget shared by all stores of this instance
 * @param closeTimeout       how long {@link AggregatorService#close()} waits for Streams to stop
 * @param commitInterval     Streams {@code commit.interval.ms}: how often the exactly-once transaction commits
 */
public record AggregatorConfig(String bootstrapServers, String applicationId, Path stateDir,
                               String advertisedHostPort, int standbyReplicas, long maxStandbyLag,
                               int streamThreads, int httpThreads, Duration forwardTimeout, String authToken,
                               long rocksDbMemoryBytes, Duration closeTimeout, Duration commitInterval) {

    public static final String DEFAULT_APPLICATION_ID = "newsmetrics-aggregator";
    /**
     * 256 MiB: with 64 MiB (16 MiB of memtables for nine stores) stores of half a million observations flushed and
     * compacted all the time (a quarter of the CPU per article) and the pipeline ran at half the speed.
     */
    public static final int DEFAULT_ROCKSDB_MEMORY_MIB = 256;
    /** {@link #DEFAULT_ROCKSDB_MEMORY_MIB} in bytes. */
    public static final long DEFAULT_ROCKSDB_MEMORY_BYTES = DEFAULT_ROCKSDB_MEMORY_MIB * 1024L * 1024;

    public AggregatorConfig {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        requireText(advertisedHostPort, "advertisedHostPort");
        int colon = advertisedHostPort.lastIndexOf(':');
        if (colon <= 0 || colon == advertisedHostPort.length() - 1) {
            throw new IllegalArgumentException("advertisedHostPort must be host:port, was '" + advertisedHostPort + "'");
        }
        try {
            int port = Integer.parseInt(advertisedHostPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("advertisedHostPort port must be 1..65535, was " + port);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("advertisedHostPort must be host:port, was '" + advertisedHostPort + "'", e);
        }
        requireRange(standbyReplicas, 0, 10, "standbyReplicas");
        if (maxStandbyLag < 0) {
            throw new IllegalArgumentException("maxStandbyLag must be >= 0, was " + maxStandbyLag);
        }
        requireRange(streamThreads, 1, 64, "streamThreads");
        requireRange(httpThreads, 1, 512, "httpThreads");
        requirePositive(forwardTimeout, "forwardTimeout");
        requirePositive(closeTimeout, "closeTimeout");
        requirePositive(commitInterval, "commitInterval");
        if (authToken != null && authToken.isBlank()) {
            throw new IllegalArgumentException("authToken must be null (auth off) or non-blank");
        }
        if (rocksDbMemoryBytes < 1024 * 1024) {
            throw new IllegalArgumentException("rocksDbMemoryBytes must be at least 1 MiB, was " + rocksDbMemoryBytes);
        }
    }

    /**
     * Sensible settings for one instance: one standby, lag bound 10,000 records, 8 HTTP threads, auth off,
     * {@link #DEFAULT_ROCKSDB_MEMORY_BYTES} of RocksDB memory, commits every second.
     */
    public static AggregatorConfig defaults(String bootstrapServers, Path stateDir, String advertisedHostPort) {
        return new AggregatorConfig(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, advertisedHostPort, 1, 10_000,
                1, 8, Duration.ofSeconds(5), null, DEFAULT_ROCKSDB_MEMORY_BYTES, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** The advertised host. */
    public String advertisedHost() {
        return advertisedHostPort.substring(0, advertisedHostPort.lastIndexOf(':'));
    }

    /** The advertised port. */
    public int advertisedPort() {
        return Integer.parseInt(advertisedHostPort.substring(advertisedHostPort.lastIndexOf(':') + 1));
    }

    public AggregatorConfig withApplicationId(String v) {
        return new AggregatorConfig(bootstrapServers, v, stateDir, advertisedHostPort, standbyReplicas, maxStandbyLag,
                streamThreads, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withStandbyReplicas(int v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, v, maxStandbyLag,
                streamThreads, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withMaxStandbyLag(long v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas, v,
                streamThreads, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withStreamThreads(int v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, v, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withHttpThreads(int v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, v, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withForwardTimeout(Duration v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, httpThreads, v, authToken, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withAuthToken(String v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, httpThreads, forwardTimeout, v, rocksDbMemoryBytes, closeTimeout, commitInterval);
    }

    public AggregatorConfig withRocksDbMemoryBytes(long v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, httpThreads, forwardTimeout, authToken, v, closeTimeout, commitInterval);
    }

    public AggregatorConfig withCloseTimeout(Duration v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, v, commitInterval);
    }

    public AggregatorConfig withCommitInterval(Duration v) {
        return new AggregatorConfig(bootstrapServers, applicationId, stateDir, advertisedHostPort, standbyReplicas,
                maxStandbyLag, streamThreads, httpThreads, forwardTimeout, authToken, rocksDbMemoryBytes, closeTimeout, v);
    }

    private static void requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireRange(int v, int min, int max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + v);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    @Override
    public String toString() {
        // never print the token
        return "AggregatorConfig[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId
                + ", stateDir=" + stateDir + ", advertisedHostPort=" + advertisedHostPort + ", standbyReplicas="
                + standbyReplicas + ", maxStandbyLag=" + maxStandbyLag + ", streamThreads=" + streamThreads
                + ", httpThreads=" + httpThreads + ", forwardTimeout=" + forwardTimeout + ", auth="
                + (authToken == null ? "off" : "on") + ", rocksDbMemoryBytes=" + rocksDbMemoryBytes
                + ", closeTimeout=" + closeTimeout + ", commitInterval=" + commitInterval + "]";
    }
}
