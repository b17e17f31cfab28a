package io.newsmetrics.aggregator.streams;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Map;
import java.util.Objects;

/** Builds a {@link WriteBackStore} over the store another builder makes (logging and caching are that builder's). */
final class WriteBackStoreBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {
    private final StoreBuilder<KeyValueStore<String, V>> inner;
    private final int maxDirty;

    WriteBackStoreBuilder(StoreBuilder<KeyValueStore<String, V>> inner, int maxDirty) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (maxDirty < 1) {
            throw new IllegalArgumentException("maxDirty must be positive, was " + maxDirty);
        }
        this.maxDirty = maxDirty;
    }

    @Override
    public KeyValueStore<String, V> build() {
        return new WriteBackStore<>(inner.build(), maxDirty);
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
        inner.withCachingEnabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
        inner.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
