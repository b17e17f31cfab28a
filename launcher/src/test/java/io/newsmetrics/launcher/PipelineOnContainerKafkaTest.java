package io.newsmetrics.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;

/** The same end-to-end scenario against an apache/kafka container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnContainerKafkaTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void shouldTurnANewsUrlIntoQueryableIndicatorsOnARealKafkaContainer(@TempDir Path dir) throws Exception {
        EndToEndScenario.run(EndToEndScenario.config(dir).withBootstrapServers(KAFKA.getBootstrapServers()));
    }
}
