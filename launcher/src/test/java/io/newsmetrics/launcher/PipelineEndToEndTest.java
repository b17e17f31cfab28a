package io.newsmetrics.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The whole pipeline on the embedded broker: a news URL in, queryable indicators out. */
class PipelineEndToEndTest {

    @Test
    void shouldTurnANewsUrlIntoQueryableIndicatorsOnTheEmbeddedBroker(@TempDir Path dir) throws Exception {
        EndToEndScenario.run(EndToEndScenario.config(dir));
    }
}
