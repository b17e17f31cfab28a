package io.newsmetrics.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.Objects;

/**
 * A Kafka serde that writes and reads a record type as UTF-8 JSON with {@link Json#mapper()}.
 * Unreadable bytes raise {@link SerializationException} naming the topic, so Streams' deserialization
 * handler can route the record to a dead-letter topic.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;

    private JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(data, type);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
