package io.newsmetrics.launcher;

import io.newsmetrics.broker.ConsumerLag;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.extractor.streams.ExtractorConfig;
import io.newsmetrics.extractor.streams.ExtractorService;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsmetrics reprocess}: reruns the extractor over the whole {@code articles} topic under a new
 * application id, after its rules changed. The log, not the store, is the source of truth: the new run
 * writes to {@code metrics} beside the old events (ids are deterministic, so unchanged facts collapse in
 * the aggregator), and nothing old is deleted. It returns once the new run has caught up.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Re-run the extractor over the whole articles topic under a new application id; exit when caught up.")
final class ReprocessCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", defaultValue = IngestCommand.LOCAL_BROKER, paramLabel = "HOST:PORT,...",
            description = "Kafka cluster (default: the broker 'up' starts, ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Application id of the new run (default: newsmetrics-extractor-<timestamp>).")
    String applicationId;

    @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
            description = "Where the run keeps its Kafka Streams state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--timeout", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "Give up when not caught up within this ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        String id = applicationId != null ? applicationId
                : ExtractorConfig.DEFAULT_APPLICATION_ID + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        ExtractorConfig config = ExtractorConfig.defaults(bootstrapServers, dataDir.resolve("streams")).withApplicationId(id);
        System.err.println("newsmetrics reprocess: extractor run '" + id + "' reading " + Topics.ARTICLES + " from the start");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
             ExtractorService service = ExtractorService.start(config, MetricExtractor.create())) {
            long lag;
            do {
                Thread.sleep(1_000);
                lag = lag(admin, id);
                System.err.printf("\rnewsmetrics reprocess: %d articles to go   ", Math.max(lag, 0));
                if (!service.isRunning()) {
                    throw new IllegalStateException("the extractor run stopped: " + service.state());
                }
            } while (lag != 0 && System.nanoTime() < deadline);
            System.err.println();
            if (lag != 0) {
                System.err.println("newsmetrics reprocess: not caught up within " + timeout + "; run it again with --application-id " + id);
                return 1;
            }
        }
        System.err.println("newsmetrics reprocess: caught up. Run extractors with application id '" + id
                + "' from now on (env NEWSMETRICS_EXTRACTOR_APPLICATION_ID); the old run's events stay in " + Topics.METRICS);
        return 0;
    }

    /** Records of {@code articles} the group has not committed yet; -1 while it has committed nothing. */
    static long lag(Admin admin, String groupId) throws Exception {
        ConsumerLag lag = ConsumerLag.of(admin, groupId, Topics.ARTICLES, Duration.ofSeconds(30));
        return lag.committed() || lag.records() == 0 ? lag.records() : -1;
    }
}
