package io.newsmetrics.aggregator.streams;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A key-value store with its most recently used values kept as objects, for the one processor that writes the
 * store: reading a value back no longer parses its JSON (a busy key's indicator and period summary were read and
 * parsed on every event, a third of the aggregator's allocation). Writes go through to the store. Only valid
 * while the processor is the sole writer of the store, and only for one initialisation of the processor: a new
 * instance is made in {@code init}, so a task restored from its changelog starts empty.
 */
final class StoreReadCache<V> {
    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    StoreReadCache(KeyValueStore<String, V> store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String key) {
        V v = recent.get(key);
        if (v == null) {
            v = store.get(key);
            if (v != null) {
                recent.put(key, v);
            }
        }
        return v;
    }

    void put(String key, V value) {
        store.put(key, value);
        recent.put(key, value);
    }

    void delete(String key) {
        store.delete(key);
        recent.remove(key);
    }
}
