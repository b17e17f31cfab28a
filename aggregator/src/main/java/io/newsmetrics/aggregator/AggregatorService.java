package io.newsmetrics.aggregator;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmetrics.aggregator.rest.Forwarder;
import io.newsmetrics.aggregator.rest.Guarded;
import io.newsmetrics.aggregator.rest.IndicatorsHandler;
import io.newsmetrics.aggregator.rest.MetricsHandler;
import io.newsmetrics.aggregator.rest.StaticResource;
import io.newsmetrics.aggregator.rest.StatusHandlers;
import io.newsmetrics.aggregator.streams.AggregatorTopology;
import io.newsmetrics.aggregator.streams.IndicatorReads;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import io.newsmetrics.aggregator.streams.StreamsSettings;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The aggregator: a Kafka Streams application that folds {@code metrics} into the latest value, history,
 * corroboration and conflicts of every indicator key, and the HTTP routes that query it from any instance.
 * Start with {@link #start}, mount {@link #routes()} on an HTTP server listening at the config's
 * advertised host:port (or use {@link AggregatorServer}), and {@link #close()} at the end.
 */
public final class AggregatorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);

    private final AggregatorConfig config;
    private final KafkaStreams streams;
    private final InteractiveQueries queries;
    private final PrometheusMeterRegistry registry;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ScheduledExecutorService metricsScheduler;
    private final ThreadPoolExecutor listingPool;
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(10);
    private final Map<String, HttpHandler> routes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int partitionCount = -1;

    private AggregatorService(AggregatorConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(AggregatorTopology.build(config.commitInterval()), StreamsSettings.of(config));
        // A failed stream thread is replaced: bad records already go to the dead-letter topic, so what
        // reaches here is transient (broker, fencing) and a fresh thread resumes from the last commit.
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streams.setStateListener((now, before) -> log.info("aggregator {} streams state {} -> {}",
                config.advertisedHostPort(), before, now));
        this.queries = new InteractiveQueries(streams, new HostInfo(config.advertisedHost(), config.advertisedPort()),
                config.maxStandbyLag());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Streams creates task-level metrics (ours included) as tasks get assigned: look for new ones every 10 s.
        this.metricsScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aggregator-metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("instance", config.advertisedHostPort()),
                metricsScheduler, METRICS_REFRESH);
        streamsMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        this.listingPool = newListingPool();
        this.routes = buildRoutes();
    }

    /**
     * Threads that read and encode the partitions of a listing in parallel, one per core; a listing beyond what
     * they can take reads on its own HTTP thread (caller runs), so listings never queue up here.
     */
    private static ThreadPoolExecutor newListingPool() {
        int n = Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "aggregator-listing-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Builds the topology and starts Kafka Streams; returns at once (the instance becomes ready when
     * Streams is RUNNING, see {@link #isReady()}). The {@code metrics} topic must exist.
     *
     * @throws IllegalArgumentException when config is null
     */
    public static AggregatorService start(AggregatorConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        AggregatorService service = new AggregatorService(config);
        service.streams.start();
        log.info("aggregator started: {}", config);
        return service;
    }

    private Map<String, HttpHandler> buildRoutes() {
        String token = config.authToken();
        Forwarder forwarder = new Forwarder(config.forwardTimeout(), token);
        Map<String, HttpHandler> r = new LinkedHashMap<>();
        r.put(IndicatorsHandler.PATH, Guarded.of(new IndicatorsHandler(queries, forwarder, this::partitionCount, listingPool,
                        listingPool.getMaximumPoolSize()),
                token, registry, "indicators"));
        // probes stay open: orchestrators call them without credentials
        r.put("/health", Guarded.of(StatusHandlers.health(streams::state), null, registry, "health"));
        r.put("/ready", Guarded.of(StatusHandlers.ready(streams::state, this::isReady), null, registry, "ready"));
        r.put("/metrics", Guarded.of(MetricsHandler.of(registry), token, registry, "metrics"));
        r.put("/openapi.yaml", Guarded.of(StaticResource.of("/openapi.yaml", "/aggregator/openapi.yaml",
                "application/yaml; charset=utf-8"), null, registry, "openapi"));
        r.put("/", Guarded.of(StaticResource.of("/", "/aggregator/dashboard.html", "text/html; charset=utf-8"),
                null, registry, "dashboard"));
        return Collections.unmodifiableMap(r);
    }

    /**
     * The HTTP routes, by context path: {@code /indicators}, {@code /health}, {@code /ready}, {@code /metrics},
     * {@code /openapi.yaml} and {@code /} (dashboard). Mount each by path prefix, e.g. on an {@link io.newsmetrics.aggregator.server.ApiServer}.
     */
    public Map<String, HttpHandler> routes() {
        return routes;
    }

    /**
     * Whether a GET on {@code path} is answered quickly without blocking, so a server may answer it on its I/O
     * thread: {@code /health}, {@code /ready} and single keys (a key another instance owns is forwarded
     * asynchronously). Listings, history, metrics and files are not.
     */
    public boolean answersQuickly(String path) {
        return "/health".equals(path) || "/ready".equals(path) || IndicatorsHandler.isKeyPath(path);
    }

    /** True when Streams is RUNNING and every partition this instance owns can be queried. */
    public boolean isReady() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        try {
            for (int p : queries.localActivePartitions()) {
                queries.read(p, false, s -> IndicatorReads.latest(s, ""));
            }
            return true;
        } catch (RuntimeException e) { // NotAvailableException or a store moving away
            return false;
        }
    }

    /** The Streams client state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Streams client, for tests in this package (pausing a standby). */
    KafkaStreams streams() {
        return streams;
    }

    /** The settings this instance runs with. */
    public AggregatorConfig config() {
        return config;
    }

    /** Partitions of the {@code metrics} topic (looked up once, then cached). */
    int partitionCount() {
        int n = partitionCount;
        if (n > 0) {
            return n;
        }
        int timeoutMs = (int) config.forwardTimeout().toMillis();
        Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(props)) {
            n = admin.describeTopics(List.of(Topics.METRICS)).allTopicNames()
                    .get(config.forwardTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .get(Topics.METRICS).partitions().size();
            partitionCount = n;
            return n;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new NotAvailableException("cannot read the partition count of " + Topics.METRICS + " from "
                    + config.bootstrapServers() + ": " + e.getMessage(), InteractiveQueries.RETRY_AFTER_SECONDS);
        }
    }

    /** Stops Streams (leaving the group so others take over at once) within the configured close timeout. */
    @Override
    public void close() {
        close(true);
    }

    /**
     * Stops Streams; with {@code leaveGroup} false the group is not told, as after a crash: the others
     * wait for the session timeout before they take the partitions over (tests use this).
     */
    void close(boolean leaveGroup) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean clean = streams.close(CloseOptions.timeout(config.closeTimeout())
                .withGroupMembershipOperation(leaveGroup ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                        : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
        if (!clean) {
            log.warn("aggregator streams did not stop within {}", config.closeTimeout());
        }
        streamsMetrics.close();
        metricsScheduler.shutdownNow();
        listingPool.shutdownNow();
        registry.close();
        log.info("aggregator {} closed", config.advertisedHostPort());
    }
}
