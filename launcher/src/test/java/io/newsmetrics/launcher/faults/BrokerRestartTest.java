package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.ingest.UrlPublisher;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.launcher.PipelineConfig;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker goes away in the middle of a stream and comes back on the same port and log directory. The three
 * services (pointed at it through {@code bootstrapServers}) reconnect by themselves and finish: every article
 * written before and after the outage is extracted exactly once, every event is aggregated, and a URL sent
 * after the outage is fetched and ingested.
 */
class BrokerRestartTest {
    // enough that the extractor is still busy when the broker goes (300 were done before the first commit was seen)
    private static final int BEFORE = 2_000;
    private static final int AFTER = 60;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldReconnectAndFinishAfterTheBrokerRestarts(@TempDir Path dir) throws Exception {
        int port = FaultKit.freePort();
        Path log = dir.resolve("kafka");
        HttpServer site = servePage();
        EmbeddedKafka kafka = EmbeddedKafka.start(log, port);
        PipelineConfig config = PipelineConfig.defaults(dir.resolve("pipeline")).withBootstrapServers(kafka.bootstrapServers())
                .withPorts(0, 0).withHttp("127.0.0.1", "127.0.0.1").withPartitions(3).withAllowPrivateAddresses(true);
        try (Pipeline pipeline = Pipeline.start(config)) {
            String bootstrap = pipeline.bootstrapServers();
            FaultKit.await("the aggregator's /ready", Duration.ofSeconds(90), pipeline::isReady);
            FaultKit.produceArticles(bootstrap, 0, BEFORE);
            FaultKit.await("the first metric events", Duration.ofSeconds(90), () -> {
                try {
                    return !FaultKit.committedMetricIds(bootstrap).isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });

            assertTrue(FaultKit.lag(bootstrap, "newsmetrics-extractor", Topics.ARTICLES) > 0,
                    "the extractor finished before the outage; raise BEFORE");
            kafka.close(); // the broker is gone: clients retry, transactions in flight fail
            Thread.sleep(3_000);
            kafka = EmbeddedKafka.start(log, port);
            assertEquals(bootstrap, kafka.bootstrapServers());

            FaultKit.produceArticles(bootstrap, BEFORE, BEFORE + AFTER);
            String pageUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/news/after-the-outage.html";
            try (UrlPublisher publisher = UrlPublisher.create(bootstrap)) {
                publisher.publish(UrlRequest.of(pageUrl));
            }
            FaultKit.await("the page sent after the outage on " + Topics.ARTICLES, Duration.ofSeconds(90), () ->
                    FaultKit.readAll(bootstrap, Topics.ARTICLES, true).stream().anyMatch(r -> r.value().contains(pageUrl)));
            FaultKit.awaitPipelineCaughtUp(bootstrap, Duration.ofMinutes(3));

            List<ConsumerRecord<String, String>> articles = FaultKit.readAll(bootstrap, Topics.ARTICLES, true);
            assertEquals(BEFORE + AFTER + 1, articles.size(), "articles on the topic: the written ones and the ingested page");
            List<String> expected = FaultKit.expectedIds(articles);
            List<String> ids = FaultKit.committedMetricIds(bootstrap);
            KillNineRestartTest.assertExactlyOnce(expected, ids);

            FaultKit.await("the aggregator's /ready after the outage", Duration.ofSeconds(60), pipeline::isReady);
            Map<String, JsonNode> listing = FaultKit.listing("http://127.0.0.1:" + pipeline.httpPort());
            long observations = listing.values().stream().mapToLong(n -> n.path("observationCount").asLong()).sum();
            long deadLetters = FaultKit.readAll(bootstrap, Topics.METRICS_DLQ, true).size();
            assertEquals(ids.size(), observations + deadLetters,
                    "every committed event is an observation of the aggregator or a dead letter");
            assertTrue(observations > 0);
        } finally {
            kafka.close();
            site.stop(0);
        }
    }

    /** A local news page (the launcher's bundled demo page) at any path under /news/. */
    static HttpServer servePage() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/news/", exchange -> {
            byte[] body;
            try (InputStream in = BrokerRestartTest.class.getResourceAsStream("/demo/eu-wind-power-2025.html")) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
