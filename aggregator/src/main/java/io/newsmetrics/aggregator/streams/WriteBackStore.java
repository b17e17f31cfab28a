package io.newsmetrics.aggregator.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key-value store that keeps written values as objects and serialises them only when Kafka Streams flushes its
 * caches, which it does before every commit (so the values reach the changelog inside the transaction that
 * commits the input offsets that produced them) and when more than {@code maxDirty} keys wait.
 *
 * <p>Why: Streams' own record cache holds bytes, so every {@code put} serialised the value. A busy key's indicator
 * and period summary (each kilobytes of JSON with its source lists) were serialised on every event, a third of the
 * aggregator's CPU, although only the last value of each commit interval is ever written down.
 *
 * <p>Writes come from the one stream thread that owns the task; reads may also come from interactive queries on
 * other threads, which see the unwritten values too (the same as reads of Streams' caching stores). The waiting
 * values are dropped on close and on {@link #clearCache()}, as Streams drops its cache: what was not flushed was
 * not committed, and the changelog restores the rest. Reverse iteration and prefix scans are not offered, and
 * {@link #query} (interactive queries v2, which this project does not use) answers from the written values only.
 *
 * <p>A layer on top of the store Streams builds, like Streams' own metered, logging and caching layers: it extends
 * their internal base {@link WrappedStateStore}, which passes everything else down and makes Streams call
 * {@link #flushCache()} before each commit. That is the one internal type this class relies on (checked by
 * WriteBackStoreTest).
 */
final class WriteBackStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {
    /** Marks a deleted key among the waiting values. */
    private static final Object DELETED = new Object();

    private final int maxDirty;
    /** Waiting values (or {@link #DELETED}); hashed, not sorted: point reads and writes are the hot path. */
    private final ConcurrentHashMap<String, Object> dirty = new ConcurrentHashMap<>();

    WriteBackStore(KeyValueStore<String, V> inner, int maxDirty) {
        super(Objects.requireNonNull(inner, "inner"));
        if (maxDirty < 1) {
            throw new IllegalArgumentException("maxDirty must be positive, was " + maxDirty);
        }
        this.maxDirty = maxDirty;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        dirty.clear();
        super.init(context, root);
    }

    @Override
    public void put(String key, V value) {
        Objects.requireNonNull(key, "key");
        dirty.put(key, value == null ? DELETED : value);
        if (dirty.size() > maxDirty) {
            writeDown(); // bounded like Streams' cache: an early write lands in the open transaction
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> kv : entries) {
            put(kv.key, kv.value);
        }
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        put(key, null);
        return current;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object waiting = dirty.get(key);
        if (waiting != null) {
            return waiting == DELETED ? null : (V) waiting;
        }
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        // a sorted copy of the waiting keys in the range, in the inner store's order (the keys' UTF-8 bytes)
        TreeMap<String, Object> waiting = new TreeMap<>(KeyOrder.UTF8);
        if (from == null || to == null || KeyOrder.UTF8.compare(from, to) <= 0) {
            dirty.forEach((k, v) -> {
                if ((from == null || KeyOrder.UTF8.compare(k, from) >= 0) && (to == null || KeyOrder.UTF8.compare(k, to) <= 0)) {
                    waiting.put(k, v);
                }
            });
        }
        return new MergedIterator<>(waiting.entrySet().iterator(), wrapped().range(from, to));
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return range(null, null);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        throw new UnsupportedOperationException("store " + name() + " does not iterate in reverse; use range()");
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        throw new UnsupportedOperationException("store " + name() + " does not iterate in reverse; use all()");
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** Writes every waiting value to the inner store (its changelog and RocksDB), then lets it flush its own cache. */
    @Override
    public void flushCache() {
        writeDown();
        super.flushCache();
    }

    @Override
    public void clearCache() {
        dirty.clear();
        super.clearCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeDown(); // normally empty here: flushCache ran before the transaction committed
        super.commit(changelogOffsets);
    }

    @Override
    public void close() {
        dirty.clear();
        super.close();
    }

    @SuppressWarnings("unchecked")
    private void writeDown() {
        for (Map.Entry<String, Object> e : dirty.entrySet()) {
            Object value = e.getValue();
            if (value == DELETED) {
                wrapped().delete(e.getKey());
            } else {
                wrapped().put(e.getKey(), (V) value);
            }
            // only the stream thread writes, so the value is still this one; readers saw it here, then there
            dirty.remove(e.getKey(), value);
        }
    }

    /** Waiting values merged over the inner store's iterator; both ascend in {@link KeyOrder#UTF8}. */
    private static final class MergedIterator<V> implements KeyValueIterator<String, V> {
        private final Iterator<Map.Entry<String, Object>> waiting;
        private final KeyValueIterator<String, V> stored;
        private Map.Entry<String, Object> nextWaiting;
        private KeyValue<String, V> next;

        MergedIterator(Iterator<Map.Entry<String, Object>> waiting, KeyValueIterator<String, V> stored) {
            this.waiting = waiting;
            this.stored = stored;
            this.nextWaiting = waiting.hasNext() ? waiting.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String storedKey = stored.hasNext() ? stored.peekNextKey() : null;
                if (nextWaiting == null && storedKey == null) {
                    return false;
                }
                int order = nextWaiting == null ? 1 : storedKey == null ? -1
                        : KeyOrder.UTF8.compare(nextWaiting.getKey(), storedKey);
                if (order > 0) {
                    next = stored.next();
                    continue;
                }
                if (order == 0) {
                    stored.next(); // the waiting value replaces the stored one
                }
                next = entryOf(nextWaiting);
                nextWaiting = waiting.hasNext() ? waiting.next() : null;
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        private KeyValue<String, V> entryOf(Map.Entry<String, Object> e) {
            return e.getValue() == DELETED ? null : KeyValue.pair(e.getKey(), (V) e.getValue());
        }

        @Override
        public KeyValue<String, V> next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            KeyValue<String, V> out = next;
            next = null;
            return out;
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
