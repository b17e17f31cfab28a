package io.newsmetrics.ingest;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which consumed offsets are finished, so that only a contiguous finished prefix is committed (at-least-once
 * with records finishing out of order). A record that could not be finished (its output not written) marks its
 * partition for a seek back to the first unfinished offset.
 */
final class OffsetTracker {

    /** A handle on one record in flight. */
    static final class Ticket {
        private final Partition partition;
        private final long offset;

        private Ticket(Partition partition, long offset) {
            this.partition = partition;
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    private static final class Partition {
        final TreeMap<Long, Boolean> pending = new TreeMap<>(); // offset -> done
        long next = -1;        // first offset not yet committable
        long committed = -1;   // last offset committed (as the next offset to read)
        boolean failed;
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private int inFlight;

    synchronized Ticket add(TopicPartition tp, long offset) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
        p.pending.put(offset, false);
        inFlight++;
        return new Ticket(p, offset);
    }

    /** The record's output is written. Tickets of revoked or reset partitions are ignored. */
    synchronized void done(Ticket t) {
        Boolean was = t.partition.pending.replace(t.offset, true);
        if (was != null && !was) {
            inFlight--;
        }
    }

    /** The record's output could not be written: its partition must be read again from the first unfinished. */
    synchronized void failed(Ticket t) {
        if (t.partition.pending.containsKey(t.offset)) {
            t.partition.failed = true;
        }
    }

    /** Offsets to commit now (next offset to read per partition), only those that moved. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (Map.Entry<TopicPartition, Partition> e : partitions.entrySet()) {
            Partition p = e.getValue();
            while (!p.pending.isEmpty() && p.pending.firstEntry().getValue()) {
                p.next = p.pending.pollFirstEntry().getKey() + 1;
            }
            if (p.next > p.committed) {
                out.put(e.getKey(), new OffsetAndMetadata(p.next));
            }
        }
        return out;
    }

    /** Records that the offsets were committed. */
    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, om) -> {
            Partition p = partitions.get(tp);
            if (p != null) {
                p.committed = Math.max(p.committed, om.offset());
            }
        });
    }

    /**
     * Partitions with a failed record, each with the offset to seek back to; their state is reset, so
     * tickets still out for them no longer count.
     */
    synchronized Map<TopicPartition, Long> takeFailed() {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, Partition> e : partitions.entrySet()) {
            Partition p = e.getValue();
            if (p.failed) {
                long from = p.pending.isEmpty() ? p.next : p.pending.firstKey();
                out.put(e.getKey(), from);
            }
        }
        for (TopicPartition tp : out.keySet()) {
            drop(tp);
        }
        return out;
    }

    /** Forgets partitions (revoked); their tickets no longer count. */
    synchronized void revoke(Collection<TopicPartition> tps) {
        for (TopicPartition tp : tps) {
            drop(tp);
        }
    }

    private void drop(TopicPartition tp) {
        Partition p = partitions.remove(tp);
        if (p != null) {
            for (Boolean done : p.pending.values()) {
                if (!done) {
                    inFlight--;
                }
            }
            p.pending.clear();
        }
    }

    /** Records taken and not finished. */
    synchronized int inFlight() {
        return inFlight;
    }
}
