package io.newsmetrics.aggregator;

import io.newsmetrics.aggregator.server.ApiServer;

import java.util.Objects;

/**
 * A standalone aggregator: an {@link AggregatorService} plus its own HTTP server (see {@link ApiServer}).
 * The launcher mounts {@link AggregatorService#routes()} on its shared server instead; tests and benchmarks
 * use this.
 */
public final class AggregatorServer implements AutoCloseable {
    private final AggregatorService service;
    private final ApiServer server;

    private AggregatorServer(AggregatorService service, ApiServer server) {
        this.service = service;
        this.server = server;
    }

    /**
     * Starts the service and serves its routes on {@code bindAddress:port}.
     *
     * @param port the port; should be the config's advertised port so other instances can reach it
     */
    public static AggregatorServer start(AggregatorConfig config, String bindAddress, int port) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        AggregatorService service = AggregatorService.start(config);
        try {
            return new AggregatorServer(service, ApiServer.start(bindAddress, port, config.httpThreads(),
                    service.routes(), service::answersQuickly));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** Starts on all interfaces at the config's advertised port. */
    public static AggregatorServer start(AggregatorConfig config) {
        return start(config, "0.0.0.0", config.advertisedPort());
    }

    public AggregatorService service() {
        return service;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        close(true);
    }

    /** Stops; with {@code leaveGroup} false like a crash as far as the consumer group can tell (for tests). */
    void close(boolean leaveGroup) {
        server.close();
        service.close(leaveGroup);
    }
}
