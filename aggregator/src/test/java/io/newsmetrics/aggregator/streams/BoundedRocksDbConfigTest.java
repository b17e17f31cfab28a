package io.newsmetrics.aggregator.streams;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedRocksDbConfigTest {
    private static final Map<String, Object> BUDGET = Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, 8L << 20);

    /** The options Kafka Streams' RocksDBStore hands to the config setter (bloom filter, none on the last level). */
    private static Options streamsDefaults() {
        BlockBasedTableConfig table = new BlockBasedTableConfig();
        table.setFilterPolicy(new BloomFilter());
        return new Options().setCreateIfMissing(true).setTableFormatConfig(table).setOptimizeFiltersForHits(true)
                .setCompactionStyle(CompactionStyle.UNIVERSAL);
    }

    @Test
    void shouldShareOneCacheAndWriteBufferBudgetAcrossStores() {
        try (Options a = streamsDefaults(); Options b = streamsDefaults()) {
            new BoundedRocksDbConfig().setConfig("latest", a, BUDGET);
            new BoundedRocksDbConfig().setConfig("history", b, BUDGET);
            assertSame(a.writeBufferManager(), b.writeBufferManager());
            BlockBasedTableConfig table = (BlockBasedTableConfig) a.tableFormatConfig();
            assertTrue(table.cacheIndexAndFilterBlocks(), "index and filter blocks are charged to the shared cache");
        }
    }

    @Test
    void shouldAnswerLookUpsOfAbsentKeysFromTheBloomFilterOnTheLastLevel(@TempDir Path dir) throws Exception {
        RocksDB.loadLibrary();
        try (Options options = streamsDefaults(); Statistics stats = new Statistics()) {
            new BoundedRocksDbConfig().setConfig("history", options, BUDGET);
            assertFalse(options.optimizeFiltersForHits());
            assertTrue(options.memtableWholeKeyFiltering() && options.memtablePrefixBloomSizeRatio() > 0,
                    "memtables have a whole-key bloom filter too");
            options.setStatistics(stats);
            try (RocksDB db = RocksDB.open(options, dir.toString()); FlushOptions flush = new FlushOptions()) {
                for (int i = 0; i < 20_000; i++) {
                    db.put(bytes("present-" + i), bytes("v"));
                }
                db.flush(flush.setWaitForFlush(true));
                db.compactRange(); // one sorted run: the bottommost level, which optimize_filters_for_hits leaves unfiltered
                long useful = stats.getTickerCount(TickerType.BLOOM_FILTER_USEFUL);
                for (int i = 0; i < 1_000; i++) {
                    assertNull(db.get(bytes("present-" + i + "-absent"))); // inside the file's key range
                }
                long answeredByFilter = stats.getTickerCount(TickerType.BLOOM_FILTER_USEFUL) - useful;
                assertTrue(answeredByFilter >= 950, "bloom filter answered " + answeredByFilter + " of 1000 misses");
            }
        }
    }

    @Test
    void shouldKeepHistoryValuesInBlobFilesAndReadThemBack(@TempDir Path dir) throws Exception {
        RocksDB.loadLibrary();
        try (Options latest = streamsDefaults(); Options history = streamsDefaults()) {
            new BoundedRocksDbConfig().setConfig(StoreNames.LATEST, latest, BUDGET);
            new BoundedRocksDbConfig().setConfig(StoreNames.HISTORY, history, BUDGET);
            assertFalse(latest.enableBlobFiles(), "values rewritten per commit stay in the sorted runs");
            assertTrue(history.enableBlobFiles());
            String value = "an observation of about six hundred bytes ".repeat(15);
            try (RocksDB db = RocksDB.open(history, dir.toString()); FlushOptions flush = new FlushOptions()) {
                for (int i = 0; i < 5_000; i++) {
                    db.put(bytes("key-" + i), bytes(value + i));
                }
                db.flush(flush.setWaitForFlush(true));
                db.compactRange();
                for (int i = 0; i < 5_000; i += 7) {
                    assertArrayEquals(bytes(value + i), db.get(bytes("key-" + i)));
                }
            }
            try (var files = java.nio.file.Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".blob")), "values went to blob files");
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
