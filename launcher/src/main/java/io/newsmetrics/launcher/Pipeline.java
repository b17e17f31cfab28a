package io.newsmetrics.launcher;

import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.aggregator.AggregatorConfig;
import io.newsmetrics.aggregator.AggregatorService;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.broker.TopicSetup;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.streams.ExtractorConfig;
import io.newsmetrics.extractor.streams.ExtractorService;
import io.newsmetrics.ingest.IngestConfig;
import io.newsmetrics.ingest.IngestService;
import io.newsmetrics.launcher.PipelineConfig.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A running pipeline process: the embedded broker when no cluster is given, the topics, the services
 * chosen, and one HTTP server carrying their routes. Closing it stops everything in reverse order.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final Deque<AutoCloseable> running;
    private final String bootstrapServers;
    private final int httpPort;
    private final AggregatorService aggregator;

    private Pipeline(Deque<AutoCloseable> running, String bootstrapServers, int httpPort, AggregatorService aggregator) {
        this.running = running;
        this.bootstrapServers = bootstrapServers;
        this.httpPort = httpPort;
        this.aggregator = aggregator;
    }

    /**
     * Starts the pipeline. On failure everything already started is stopped again.
     *
     * @throws IllegalStateException naming what could not start and why
     */
    public static Pipeline start(PipelineConfig config) {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            String bootstrap = config.bootstrapServers();
            short replication = -1;
            if (bootstrap == null) {
                EmbeddedKafka kafka = EmbeddedKafka.start(config.dataDir().resolve("kafka"), config.brokerPort());
                running.push(kafka);
                bootstrap = kafka.bootstrapServers();
                replication = 1;
            }
            TopicSetup.ensureTopics(bootstrap, config.partitions(), replication);

            int httpPort = config.httpPort() == 0 ? freePort() : config.httpPort();
            Map<String, HttpHandler> routes = new LinkedHashMap<>();
            AggregatorService aggregator = null;
            if (config.services().contains(Service.EXTRACTOR)) {
                running.push(ExtractorService.start(config.tuning().extractor().apply(
                        ExtractorConfig.defaults(bootstrap, config.dataDir().resolve("streams"))),
                        MetricExtractor.create()));
            }
            if (config.services().contains(Service.AGGREGATOR)) {
                aggregator = AggregatorService.start(config.tuning().aggregator().apply(AggregatorConfig.defaults(
                        bootstrap, config.dataDir().resolve("streams"), config.advertisedHost() + ":" + httpPort)));
                running.push(aggregator);
                routes.putAll(aggregator.routes());
            }
            if (config.services().contains(Service.INGEST)) {
                IngestConfig ingestConfig = IngestConfig.defaults(bootstrap);
                // a service reads only the web unless told otherwise: file: URLs on news-urls would let anyone
                // who can write to the topic read the server's files (the CLI parses local files itself)
                ingestConfig = ingestConfig.withFetch(ingestConfig.fetch().withAllowFileUrls(false));
                if (config.allowPrivateAddresses()) {
                    ingestConfig = ingestConfig.withFetch(ingestConfig.fetch()
                            .withAllowLoopback(true).withAllowPrivateNetworks(true));
                }
                IngestService ingest = IngestService.start(config.tuning().ingest().apply(ingestConfig));
                running.push(ingest);
                routes.putAll(ingest.routes());
            }
            routes.putIfAbsent("/health", new HealthHandler());
            Predicate<String> quick = aggregator == null ? path -> false : aggregator::answersQuickly;
            running.push(WebServer.start(config.httpHost(), httpPort, routes, quick));
            log.info("newsmetrics up: Kafka at {}, HTTP on port {}, services {}", bootstrap, httpPort, config.services());
            return new Pipeline(running, bootstrap, httpPort, aggregator);
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
    }

    /** The Kafka cluster the pipeline uses. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The port of the HTTP server. */
    public int httpPort() {
        return httpPort;
    }

    /** True when the aggregator (if this process runs one) can answer queries. */
    public boolean isReady() {
        return aggregator == null || aggregator.isReady();
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("error while stopping {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for HTTP", e);
        }
    }
}
