package io.newsmetrics.extractor.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the extractor service.
 *
 * @param bootstrapServers the Kafka cluster
 * @param applicationId    Kafka Streams application id (consumer group and internal topic prefix);
 *                         a new id re-reads {@code articles} from the start, as {@code reprocess} does
 * @param stateDir         Kafka Streams state directory
 * @param overrides        extra Kafka Streams settings, applied last
 */
public record ExtractorConfig(String bootstrapServers, String applicationId, Path stateDir, Map<String, Object> overrides) {
    public static final String DEFAULT_APPLICATION_ID = "newsmetrics-extractor";

    public ExtractorConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static ExtractorConfig defaults(String bootstrapServers, Path stateDir) {
        return new ExtractorConfig(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, Map.of());
    }

    public ExtractorConfig withApplicationId(String id) {
        return new ExtractorConfig(bootstrapServers, id, stateDir, overrides);
    }

    public ExtractorConfig withOverrides(Map<String, Object> more) {
        return new ExtractorConfig(bootstrapServers, applicationId, stateDir, more);
    }
}
