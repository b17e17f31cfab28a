package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.AggregatorConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds RocksDB memory: every store of the process shares one LRU block cache (index and filter blocks
 * included) and one write-buffer manager charged to that cache, sized by {@link #MEMORY_BYTES_CONFIG}.
 * This is the pattern of the Kafka Streams memory-management guide; the cache must be shared across
 * stores, so it lives in a process-wide map keyed by the budget (instances with equal budgets share).
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {
    /** Total bytes for block cache plus memtables of all stores; a Streams config key of this class. */
    public static final String MEMORY_BYTES_CONFIG = "newsmetrics.rocksdb.memory.bytes";
    private static final long DEFAULT_BYTES = AggregatorConfig.DEFAULT_ROCKSDB_MEMORY_BYTES;
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = bytes(configs.get(MEMORY_BYTES_CONFIG));
        Shared shared = SHARED.computeIfAbsent(bytes, b -> {
            Cache cache = new LRUCache(b, -1, false, 0.1);
            // Memtables count against the same cache, up to half the budget: the history store takes a write per
            // event, and with a quarter its memtables flushed and compacted a third more often (RocksDB background
            // 0.15-0.17 -> 0.10-0.11 ms per article, the whole pipeline 5-10 % faster in alternating runs).
            return new Shared(cache, new WriteBufferManager(b / 2, cache));
        });
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        // Streams drops the bloom filter of the largest sorted run (optimize_filters_for_hits), right for stores
        // whose look-ups find their key; ours mostly miss (is this event id new? is this source counted?), and
        // each miss then read a data block of that run: 40 % of the aggregator's CPU. The filters cost ~10 bits a key.
        options.setOptimizeFiltersForHits(false);
        // The same for the memtables: a miss searched each one's skip list (8 % of the aggregator thread); a bloom
        // filter of whole keys (a tenth of the memtable's size, charged to the same budget) rules most misses out.
        options.setMemtablePrefixBloomSizeRatio(0.1);
        options.setMemtableWholeKeyFiltering(true);
        options.setTableFormatConfig(table);
        if (StoreNames.HISTORY.equals(storeName)) {
            // History grows by a write-once value per event and nothing is ever overwritten: in blob files the values
            // are written once, and compaction, which otherwise rewrites each value again and again as the sorted
            // runs merge, moves only keys and references.
            options.setEnableBlobFiles(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared by every store: never close them per store
    }

    private static long bytes(Object v) {
        if (v == null) {
            return DEFAULT_BYTES;
        }
        return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    }
}
