package io.newsmetrics.ingest;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetTrackerTest {
    private final TopicPartition tp = new TopicPartition("news-urls", 0);

    @Test
    void commitsOnlyTheFinishedPrefix() {
        OffsetTracker t = new OffsetTracker();
        OffsetTracker.Ticket a = t.add(tp, 10);
        OffsetTracker.Ticket b = t.add(tp, 11);
        OffsetTracker.Ticket c = t.add(tp, 12);
        t.done(c);
        assertTrue(t.committable().isEmpty(), "10 is not finished");
        t.done(a);
        assertEquals(11, t.committable().get(tp).offset());
        t.committed(t.committable());
        assertTrue(t.committable().isEmpty(), "nothing new");
        t.done(b);
        assertEquals(13, t.committable().get(tp).offset());
        assertEquals(0, t.inFlight());
    }

    @Test
    void failedRecordsSendThePartitionBackToTheFirstUnfinished() {
        OffsetTracker t = new OffsetTracker();
        OffsetTracker.Ticket a = t.add(tp, 5);
        OffsetTracker.Ticket b = t.add(tp, 6);
        t.done(a);
        t.committable();
        t.failed(b);
        assertEquals(Map.of(tp, 6L), t.takeFailed());
        assertEquals(0, t.inFlight());
        t.done(b); // a late ticket of the reset partition is ignored
        assertTrue(t.committable().isEmpty());
    }

    @Test
    void revokedPartitionsAreForgotten() {
        OffsetTracker t = new OffsetTracker();
        OffsetTracker.Ticket a = t.add(tp, 1);
        t.revoke(List.of(tp));
        assertEquals(0, t.inFlight());
        t.done(a);
        assertTrue(t.committable().isEmpty());
    }
}
