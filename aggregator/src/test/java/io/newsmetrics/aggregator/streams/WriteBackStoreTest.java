package io.newsmetrics.aggregator.streams;

import io.newsmetrics.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteBackStoreTest {
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    // ---- the store alone, over a plain sorted map (the merge and write-down rules)

    @Test
    void shouldKeepValuesUnwrittenUntilTheCacheIsFlushed() {
        MapStore inner = new MapStore();
        WriteBackStore<String> store = new WriteBackStore<>(inner, 100);
        store.put("a", "1");
        store.put("a", "2");
        assertEquals("2", store.get("a"));
        assertTrue(inner.map.isEmpty(), "nothing written before the flush");
        store.flushCache();
        assertEquals(Map.of("a", "2"), inner.map);
        assertEquals(1, inner.writes, "one write for the whole interval");
    }

    @Test
    void shouldHideDeletedKeysAndDeleteThemOnFlush() {
        MapStore inner = new MapStore();
        inner.map.put("a", "stored");
        WriteBackStore<String> store = new WriteBackStore<>(inner, 100);
        assertEquals("stored", store.delete("a"));
        assertNull(store.get("a"));
        assertEquals(List.of(), keys(store.all()));
        store.flushCache();
        assertTrue(inner.map.isEmpty());
    }

    @Test
    void shouldWriteEverythingDownOncePastTheBound() {
        MapStore inner = new MapStore();
        WriteBackStore<String> store = new WriteBackStore<>(inner, 3);
        for (int i = 0; i < 3; i++) {
            store.put("k" + i, "v");
        }
        assertTrue(inner.map.isEmpty());
        store.put("k3", "v");
        assertEquals(4, inner.map.size(), "the fourth waiting key writes all of them");
    }

    @Test
    void shouldDropWaitingValuesOnClearCacheAndClose() {
        MapStore inner = new MapStore();
        inner.map.put("a", "stored");
        WriteBackStore<String> store = new WriteBackStore<>(inner, 100);
        store.put("a", "waiting");
        store.clearCache();
        assertEquals("stored", store.get("a"));
        store.put("b", "waiting");
        store.close();
        assertEquals(Map.of("a", "stored"), inner.map);
    }

    @Test
    void shouldMergeWaitingValuesIntoRangesInUtf8Order() {
        MapStore inner = new MapStore();
        for (String k : List.of("b", "d", "f", "\uFB01x", "\uD83D\uDE00")) {
            inner.map.put(k, "stored");
        }
        WriteBackStore<String> store = new WriteBackStore<>(inner, 100);
        store.put("a", "new");
        store.put("d", "replaced");
        store.delete("f");
        store.put("\uFB02", "new"); // U+FB02 sorts before the emoji (U+1F600) in UTF-8, after it in UTF-16
        assertEquals(List.of("a=new", "b=stored", "d=replaced", "\uFB01x=stored", "\uFB02=new", "\uD83D\uDE00=stored"),
                pairs(store.all()));
        assertEquals(List.of("b=stored", "d=replaced"), pairs(store.range("b", "e")));
        assertEquals(List.of("\uFB02=new", "\uD83D\uDE00=stored"), pairs(store.range("\uFB02", null)));
        assertEquals(List.of("a=new", "b=stored"), pairs(store.range(null, "c")));
        assertEquals(List.of(), pairs(store.range("e", "c")));
    }

    @Test
    void shouldOrderKeysAsTheirUtf8Bytes() {
        List<String> keys = new ArrayList<>(List.of("z", "\uFFFF", "\uD800\uDC00", "\uE000", "a", "ab", "", "\u00E9"));
        keys.sort(KeyOrder.UTF8);
        List<String> byBytes = new ArrayList<>(keys);
        byBytes.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(byBytes, keys);
        assertEquals(List.of("", "a", "ab", "z", "\u00E9", "\uE000", "\uFFFF", "\uD800\uDC00"), keys);
    }

    @Test
    void shouldRefuseReverseIteration() {
        WriteBackStore<String> store = new WriteBackStore<>(new MapStore(), 100);
        assertThrows(UnsupportedOperationException.class, store::reverseAll);
        assertThrows(UnsupportedOperationException.class, () -> store.reverseRange("a", "b"));
    }

    // ---- the store in a Kafka Streams application with exactly-once on the embedded broker

    @Test
    void shouldWriteWaitingValuesInsideTheCommittingTransaction() throws Exception {
        String app = "write-back-eos";
        String input = app + "-in";
        createTopic(input);
        Path state = dir.resolve("state-" + app);
        try (KafkaStreams streams = start(app, input, state)) {
            produce(input, List.of(KeyValue.pair("a", "1"), KeyValue.pair("b", "1"), KeyValue.pair("a", "2"),
                    KeyValue.pair("c", "1"), KeyValue.pair("c", null)));
            ReadOnlyKeyValueStore<String, String> view = await(() -> queryable(streams));
            await(() -> "2".equals(view.get("a")) && view.get("c") == null && "1".equals(view.get("b")) ? true : null);
            assertEquals(List.of("a=2", "b=1"), pairs(view.all()));
            // No record is processed after these: values written only after the transaction committed would sit in
            // a transaction that never commits, and a read_committed reader of the changelog would never see them.
            Map<String, String> changelog = await(() -> {
                Map<String, String> seen = readCommitted(app + "-" + STORE + "-changelog");
                return "2".equals(seen.get("a")) && "1".equals(seen.get("b")) && seen.containsKey("c")
                        && seen.get("c") == null ? seen : null;
            });
            assertEquals(3, changelog.size());
        }
        // a new instance with no local state restores exactly the committed values from the changelog
        try (KafkaStreams streams = start(app, input, dir.resolve("state-" + app + "-again"))) {
            ReadOnlyKeyValueStore<String, String> view = await(() -> queryable(streams));
            assertEquals(List.of("a=2", "b=1"), pairs(view.all()));
        }
    }

    private static final String STORE = "wb";

    /** Puts each record's value under its key (a null value deletes). */
    private static final class PutProcessor implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    private static KafkaStreams start(String app, String input, Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new WriteBackStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String()).withCachingDisabled(), 1_000));
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String())).process(PutProcessor::new, STORE);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), p);
        streams.start();
        return streams;
    }

    private static ReadOnlyKeyValueStore<String, String> queryable(KafkaStreams streams) {
        try {
            return streams.state() == KafkaStreams.State.RUNNING ? streams.store(StoreQueryParameters.fromNameAndType(
                    STORE, QueryableStoreTypes.<String, String>keyValueStore())) : null;
        } catch (InvalidStateStoreException e) {
            return null; // not yet running or restoring
        }
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String topic, List<KeyValue<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (KeyValue<String, String> kv : records) {
                p.send(new ProducerRecord<>(topic, kv.key, kv.value)).get();
            }
        }
    }

    /** Every committed record of a one-partition topic, the last value per key (null for a tombstone). */
    private static Map<String, String> readCommitted(String topic) {
        Map<String, String> out = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.put(r.key(), r.value());
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            return Map.of(); // the changelog topic does not exist yet
        }
        return out;
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached within 60 s");
    }

    private static List<String> keys(KeyValueIterator<String, String> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    private static List<String> pairs(KeyValueIterator<String, String> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> out.add(kv.key + "=" + kv.value));
        }
        return out;
    }

    /** A sorted map as the inner store, in the UTF-8 key order RocksDB uses; counts writes. */
    private static final class MapStore implements KeyValueStore<String, String> {
        final NavigableMap<String, String> map = new TreeMap<>(KeyOrder.UTF8);
        int writes;

        @Override
        public void put(String key, String value) {
            writes++;
            map.put(key, value);
        }

        @Override
        public String putIfAbsent(String key, String value) {
            return map.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, String>> entries) {
            entries.forEach(kv -> put(kv.key, kv.value));
        }

        @Override
        public String delete(String key) {
            writes++;
            return map.remove(key);
        }

        @Override
        public String get(String key) {
            return map.get(key);
        }

        @Override
        public KeyValueIterator<String, String> range(String from, String to) {
            if (from != null && to != null && KeyOrder.UTF8.compare(from, to) > 0) {
                return iterator(new TreeMap<String, String>().entrySet().iterator());
            }
            NavigableMap<String, String> part = from == null ? map : map.tailMap(from, true);
            return iterator((to == null ? part : part.headMap(to, true)).entrySet().iterator());
        }

        @Override
        public KeyValueIterator<String, String> all() {
            return range(null, null);
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        @Override
        public String name() {
            return "map";
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        private static KeyValueIterator<String, String> iterator(Iterator<Map.Entry<String, String>> it) {
            List<Map.Entry<String, String>> copy = new ArrayList<>();
            it.forEachRemaining(copy::add);
            return new KeyValueIterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < copy.size();
                }

                @Override
                public KeyValue<String, String> next() {
                    Map.Entry<String, String> e = copy.get(i++);
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public String peekNextKey() {
                    return copy.get(i).getKey();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
