package io.newsmetrics.launcher;

import io.newsmetrics.launcher.PipelineConfig.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.EnumSet;
import java.util.concurrent.Callable;

/** Commands that run one service alone, for deployments that scale each service on its own. */
abstract class ServiceCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    abstract Service service();

    @Override
    public Integer call() throws Exception {
        if (server.bootstrapServers == null || server.bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("a single service runs against a given cluster: set --bootstrap-servers "
                    + "or NEWSMETRICS_BOOTSTRAP_SERVERS (use 'up' for everything on the embedded broker)");
        }
        return UpCommand.runUntilStopped(server.toConfig().withServices(EnumSet.of(service())), false);
    }

    @Command(name = "ingest-service", mixinStandardHelpOptions = true,
            description = "Run the ingest service alone: news-urls -> fetch and parse -> articles; POST /urls.")
    static final class Ingest extends ServiceCommand {
        @Override
        Service service() {
            return Service.INGEST;
        }
    }

    @Command(name = "extractor", mixinStandardHelpOptions = true,
            description = "Run the extractor alone: articles -> metrics (Kafka Streams, exactly once).")
    static final class Extractor extends ServiceCommand {
        @Override
        Service service() {
            return Service.EXTRACTOR;
        }
    }

    @Command(name = "aggregator", mixinStandardHelpOptions = true,
            description = "Run the aggregator alone: metrics -> latest value per indicator, served over HTTP.")
    static final class Aggregator extends ServiceCommand {
        @Override
        Service service() {
            return Service.AGGREGATOR;
        }
    }
}
