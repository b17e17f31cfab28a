package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.ObservationOrder;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.model.PeriodSummary;
import io.newsmetrics.aggregator.model.ValueReport;
import io.newsmetrics.model.MetricEvent;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds metric events into the stores: every distinct observation into the history store, the key's latest
 * period into its {@link PeriodSummary} (figures with exact distinct-source counts and bounded source lists; a
 * mark per counted source past a full list, in the same store), and the key's {@link Indicator} (latest by {@link ObservationOrder}, corroboration,
 * conflicts) into the latest store, and marks the key pending; every emit interval the pending keys' current
 * {@link Indicator}s go downstream, once each (a busy key would otherwise send its whole state, sources and all,
 * for every event: most of the bytes the broker had to carry). The mark is in a logged store, so the keys
 * changed in a transaction that commits are emitted even if the process dies before the next emission.
 * The work per event is a few point look-ups, whatever the number of observations already stored.
 * A replayed event (same id) changes nothing.
 * An event that cannot be stored (bad key, no value, unreadable period) raises
 * {@link InvalidMetricEventException}, which the processing exception handler sends to the dead-letter topic.
 */
final class IndicatorProcessor implements Processor<String, MetricEvent, String, Indicator> {
    /** Values kept as objects per store: hot keys (at ~10 KB of objects each) stay parsed, the rest is read back. */
    static final int READ_CACHE_ENTRIES = 2_000;

    private ProcessorContext<String, Indicator> context;
    private StoreReadCache<Indicator> latest;
    private KeyValueStore<String, Observation> history;
    private StoreReadCache<PeriodSummary> summaries;
    /** The summary store itself, for source marks: thousands a second, each read at most a few times, so they
     * must not push the busy periods' summaries out of {@link #summaries}. */
    private KeyValueStore<String, PeriodSummary> marks;
    private KeyValueStore<String, Long> pending;
    private final Duration emitInterval;
    private Sensor added;
    private Sensor duplicates;
    private Sensor latestChanged;

    /** Metric scope: the sensors appear as {@code stream-aggregator-metrics} ({@code *-total}, {@code *-rate}) per task. */
    public static final String METRIC_SCOPE = "aggregator";

    IndicatorProcessor(Duration emitInterval) {
        this.emitInterval = emitInterval;
    }

    @Override
    public void init(ProcessorContext<String, Indicator> context) {
        this.context = context;
        // new caches on every init: a task restored from its changelog must not see values of before
        this.latest = new StoreReadCache<>(context.getStateStore(StoreNames.LATEST), READ_CACHE_ENTRIES);
        this.history = context.getStateStore(StoreNames.HISTORY);
        this.marks = context.getStateStore(StoreNames.SUMMARY);
        this.summaries = new StoreReadCache<>(marks, READ_CACHE_ENTRIES);
        this.pending = context.getStateStore(StoreNames.PENDING);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
        StreamsMetrics metrics = context.metrics();
        String task = context.taskId().toString();
        this.added = metrics.addRateTotalSensor(METRIC_SCOPE, task, "observation-added", Sensor.RecordingLevel.INFO);
        this.duplicates = metrics.addRateTotalSensor(METRIC_SCOPE, task, "observation-duplicate", Sensor.RecordingLevel.INFO);
        this.latestChanged = metrics.addRateTotalSensor(METRIC_SCOPE, task, "latest-changed", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void close() {
        StreamsMetrics metrics = context.metrics();
        metrics.removeSensor(added);
        metrics.removeSensor(duplicates);
        metrics.removeSensor(latestChanged);
    }

    @Override
    public void process(Record<String, MetricEvent> record) {
        MetricEvent event = record.value();
        if (event == null) {
            return; // a tombstone on an event topic carries nothing to aggregate
        }
        validate(record.key(), event);
        RecordMetadata meta = context.recordMetadata().orElse(null);
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        Observation obs = Observation.of(event, partition, offset, record.timestamp());
        Period period = obs.parsedPeriod();
        String historyKey = HistoryKeys.of(obs.key(), period, obs.eventId());
        if (history.get(historyKey) != null) {
            duplicates.record();
            return; // the same fact seen again (replay, re-extraction): one observation
        }
        history.put(historyKey, obs);
        added.record();

        Indicator current = latest.get(obs.key());
        long count = current == null ? 1 : current.observationCount() + 1;
        boolean newest = current == null || ObservationOrder.LATEST.compare(obs, current.latest()) > 0;
        String summaryKey = HistoryKeys.periodPrefix(obs.key(), period);
        String currentSummaryKey = current == null ? null
                : HistoryKeys.periodPrefix(current.key(), current.latest().parsedPeriod());
        boolean sameLatestPeriod = summaryKey.equals(currentSummaryKey);
        Indicator next;
        if (newest) {
            latestChanged.record();
        }
        if (newest && !sameLatestPeriod) {
            // A newer period than any seen: no other observation can share it. Its summary is not stored yet:
            // many periods get one observation only, and a second one summarises the period from history.
            next = Indicator.of(obs, PeriodSummary.EMPTY.withNewFigure(obs), count);
            if (currentSummaryKey != null && summaries.get(currentSummaryKey) != null) {
                summaries.delete(currentSummaryKey); // a superseded period never becomes the latest again
            }
        } else if (sameLatestPeriod) {
            PeriodSummary summary = summaries.get(summaryKey);
            summary = summary == null
                    // the period's second observation (or state written before summaries existed): once per period
                    ? rebuild(obs.key(), period, summaryKey)
                    : foldNew(obs, period, summary, summaryKey);
            next = Indicator.of(newest ? obs : current.latest(), summary, count);
        } else {
            // an older period: history only (as-of and history queries read it from there)
            next = current.withObservationCount(count);
        }
        latest.put(obs.key(), next);
        Long last = pending.get(obs.key());
        pending.put(obs.key(), last == null ? record.timestamp() : Math.max(last, record.timestamp()));
    }

    /** Sends each pending key's current indicator downstream, stamped with its newest event's timestamp. */
    private void emitPending() {
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = pending.all()) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, Long> kv : due) {
            Indicator current = latest.get(kv.key);
            if (current != null) {
                context.forward(new Record<>(kv.key, current, kv.value));
            }
            pending.delete(kv.key);
        }
    }

    /**
     * Adds a new observation to its period's summary and stores it: a new figure, or one more source of a known
     * figure. While a figure lists fewer than {@link ValueReport#MAX_SOURCES} URLs its list holds every source it
     * counted; past that, each further source counted gets a mark (an empty summary under its
     * {@link HistoryKeys#sourceMark source mark} key) in the summary store, so telling a new source
     * from a known one is a look-up in the list and at most one point look-up.
     */
    private PeriodSummary foldNew(Observation obs, Period period, PeriodSummary summary, String summaryKey) {
        int figure = summary.figureOf(obs);
        PeriodSummary next;
        if (figure < 0) {
            next = summary.withNewFigure(obs);
        } else {
            ValueReport r = summary.figures().get(figure);
            if (r.sources().contains(obs.sourceUrl())) {
                return summary; // this source already counted for this figure
            }
            if (r.sources().size() >= ValueReport.MAX_SOURCES) {
                String mark = HistoryKeys.sourceMark(obs.key(), period, figure, obs.sourceUrl());
                if (marks.get(mark) != null) {
                    return summary;
                }
                marks.put(mark, PeriodSummary.EMPTY);
            }
            next = summary.withNewSource(figure, obs.sourceUrl());
        }
        summaries.put(summaryKey, next);
        return next;
    }

    /**
     * Builds a period's summary and source marks from its history (the new observation is already there). Marks
     * of this period cannot be stale: a period's summary is only deleted once a newer period is the latest.
     */
    private PeriodSummary rebuild(String key, Period period, String summaryKey) {
        List<Observation> all = IndicatorReads.samePeriod(history, key, period);
        PeriodSummary summary = PeriodSummary.of(all);
        for (Observation o : all) {
            int figure = summary.figureOf(o);
            if (!summary.figures().get(figure).sources().contains(o.sourceUrl())) {
                String mark = HistoryKeys.sourceMark(key, period, figure, o.sourceUrl());
                if (marks.get(mark) == null) {
                    marks.put(mark, PeriodSummary.EMPTY);
                }
            }
        }
        summaries.put(summaryKey, summary);
        return summary;
    }

    private static void validate(String recordKey, MetricEvent event) {
        if (!HistoryKeys.isValidKey(event.key())) {
            throw new InvalidMetricEventException("BAD_KEY", "event key is blank, too long or has control characters");
        }
        if (!event.key().equals(recordKey)) {
            // Records are partitioned by their key and look-ups find a key's partition the same way: a record
            // without the event key as its key (or with none) would be stored where no look-up finds it.
            throw new InvalidMetricEventException("KEY_MISMATCH", recordKey == null
                    ? "record has no key; the metrics topic is keyed by the event key '" + event.key() + "'"
                    : "record key '" + recordKey + "' differs from event key '" + event.key() + "'");
        }
        if (event.value() == null && event.low() == null && event.high() == null) {
            throw new InvalidMetricEventException("NO_VALUE", "event " + event.id() + " has no value, low or high");
        }
        if (event.period() != null && !event.period().isBlank() && Period.parseOrNull(event.period()) == null) {
            throw new InvalidMetricEventException("BAD_PERIOD", "unreadable period '" + event.period() + "'");
        }
        if (event.schemaVersion() > MetricEvent.SCHEMA_VERSION) {
            throw new InvalidMetricEventException("SCHEMA_VERSION",
                    "schema version " + event.schemaVersion() + " is newer than " + MetricEvent.SCHEMA_VERSION);
        }
    }
}
