package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.broker.EmbeddedKafka;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.launcher.PipelineConfig;
import io.newsmetrics.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the whole pipeline process (embedded broker included) in the middle of a stream, then a restart
 * over the same data directory: nothing is lost and nothing is doubled. The proof has two parts:
 * a read_committed consumer of {@code metrics} sees exactly the event ids the extractor gives offline for the
 * articles, each once; and the aggregator's listing equals that of a run over the same articles without the fault.
 */
class KillNineRestartTest {
    private static final int ARTICLES = 300;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldLoseAndDoubleNothingWhenKilledMidStream(@TempDir Path dir) throws Exception {
        int http = FaultKit.freePort();
        int broker = FaultKit.freePort();
        Path data = dir.resolve("faulty");
        Path log = dir.resolve("child.log");
        Map<String, JsonNode> afterFault;
        List<String> ids;
        List<String> expected;
        int seenAtKill;
        long lagAtKill;
        try (ChildPipeline first = ChildPipeline.start(data, http, broker, log)) {
            FaultKit.produceArticles(first.bootstrap(), 0, ARTICLES);
            // a consumer that keeps its place: the kill follows the first committed events within a poll
            try (var consumer = FaultKit.consumer(first.bootstrap(), true)) {
                var tps = consumer.partitionsFor(Topics.METRICS).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(Topics.METRICS, p.partition())).toList();
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
                int count = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (count == 0 && System.nanoTime() < deadline) {
                    count += consumer.poll(Duration.ofMillis(50)).count();
                }
                assertTrue(count > 0, "no metric event within 120 s:\n" + first.logTail());
            }
            first.kill();
        }
        // What the crash left, read by a broker of our own over the same log: the extractor must be mid-stream.
        try (EmbeddedKafka look = EmbeddedKafka.start(data.resolve("kafka"), 0)) {
            lagAtKill = FaultKit.lag(look.bootstrapServers(), "newsmetrics-extractor", Topics.ARTICLES);
            seenAtKill = FaultKit.committedMetricIds(look.bootstrapServers()).size();
            expected = FaultKit.expectedIds(FaultKit.readAll(look.bootstrapServers(), Topics.ARTICLES, true));
        }
        System.out.printf("kill -9 left %d of %d events committed, extractor %d articles behind%n",
                seenAtKill, expected.size(), lagAtKill);
        assertTrue(lagAtKill > 0 && seenAtKill < expected.size(), "the kill came too late to be mid-stream: "
                + seenAtKill + " of " + expected.size() + " events committed, extractor lag " + lagAtKill + "; raise ARTICLES");

        try (ChildPipeline second = ChildPipeline.start(data, http, broker, log)) {
            FaultKit.awaitPipelineCaughtUp(second.bootstrap(), Duration.ofMinutes(3));
            ids = FaultKit.committedMetricIds(second.bootstrap());
            afterFault = FaultKit.listing(second.api());
        }
        assertExactlyOnce(expected, ids);

        Map<String, JsonNode> reference;
        PipelineConfig config = PipelineConfig.defaults(dir.resolve("reference")).withPorts(0, 0)
                .withHttp("127.0.0.1", "127.0.0.1").withPartitions(3)
                .withServices(EnumSet.of(PipelineConfig.Service.EXTRACTOR, PipelineConfig.Service.AGGREGATOR));
        try (Pipeline clean = Pipeline.start(config)) {
            FaultKit.produceArticles(clean.bootstrapServers(), 0, ARTICLES);
            FaultKit.awaitPipelineCaughtUp(clean.bootstrapServers(), Duration.ofMinutes(3));
            FaultKit.await("the reference aggregator's /ready", Duration.ofSeconds(60), clean::isReady);
            reference = FaultKit.listing("http://127.0.0.1:" + clean.httpPort());
            KillNineRestartTest.assertExactlyOnce(expected, FaultKit.committedMetricIds(clean.bootstrapServers()));
        }
        long referenceObservations = reference.values().stream().mapToLong(n -> n.path("observationCount").asLong()).sum();
        long faultObservations = afterFault.values().stream().mapToLong(n -> n.path("observationCount").asLong()).sum();
        System.out.printf("observations: clean run %d, after the fault %d, distinct event ids %d%n",
                referenceObservations, faultObservations, expected.stream().distinct().count());
        assertFalse(reference.isEmpty(), "the reference run aggregated nothing");
        assertEquals(reference.keySet(), afterFault.keySet(), "indicator keys after the fault differ from a clean run");
        for (String key : reference.keySet()) {
            assertEquals(reference.get(key), afterFault.get(key), "indicator " + key + " differs from a clean run");
        }
    }

    /** Every expected id exactly once: a duplicate would show the same id twice, a loss as a missing id. */
    static void assertExactlyOnce(List<String> expected, List<String> actual) {
        List<String> e = new ArrayList<>(expected);
        List<String> a = new ArrayList<>(actual);
        e.sort(null);
        a.sort(null);
        long distinct = a.stream().distinct().count();
        assertEquals(a.size(), distinct, "some event ids were published more than once");
        assertEquals(e, a, "the committed metric events differ from what the extractor gives for the articles");
    }
}
