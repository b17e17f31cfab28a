package io.newsmetrics.extractor.streams;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;
import java.util.Objects;

/** The extractor's topology: {@code articles} (Article JSON) to {@code metrics} (metric events keyed by indicator key). */
public final class ExtractorTopology {

    private ExtractorTopology() {
    }

    /**
     * Builds the topology; the service and the tests share this one definition.
     * A record that cannot be read or processed raises an exception that the configured
     * exception handlers route to the dead-letter topic.
     */
    public static Topology build(MetricExtractor extractor) {
        Objects.requireNonNull(extractor, "extractor");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES, Consumed.with(Serdes.String(), JsonSerde.of(Article.class))
                        .withName("read-articles"))
                .flatMap((url, article) -> events(extractor, article), Named.as("extract-metrics"))
                .to(Topics.METRICS, Produced.with(Serdes.String(), JsonSerde.of(MetricEvent.class))
                        .withName("write-metrics"));
        return builder.build();
    }

    private static List<KeyValue<String, MetricEvent>> events(MetricExtractor extractor, Article article) {
        if (article == null) {
            throw new IllegalArgumentException("an articles record has no value; expected Article JSON");
        }
        return extractor.extract(article).stream().map(e -> KeyValue.pair(e.key(), e)).toList();
    }
}
