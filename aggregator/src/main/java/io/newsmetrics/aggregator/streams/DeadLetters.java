package io.newsmetrics.aggregator.streams;

import io.newsmetrics.model.DeadLetter;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the dead-letter records of the aggregator: value = {@link DeadLetter} JSON, key = the input's
 * raw key, and headers that say why and where from, so the record can be found and replayed.
 */
public final class DeadLetters {
    public static final String HEADER_REASON = "newsmetrics.dlq.reason";
    public static final String HEADER_EXCEPTION = "newsmetrics.dlq.exception";
    public static final String HEADER_MESSAGE = "newsmetrics.dlq.message";
    public static final String HEADER_TOPIC = "newsmetrics.dlq.topic";
    public static final String HEADER_PARTITION = "newsmetrics.dlq.partition";
    public static final String HEADER_OFFSET = "newsmetrics.dlq.offset";
    public static final String HEADER_PROCESSOR = "newsmetrics.dlq.processor";

    private DeadLetters() {
    }

    /** The dead-letter record for an input that failed with {@code error} at the place {@code ctx} names. */
    public static ProducerRecord<byte[], byte[]> of(String reason, ErrorHandlerContext ctx, Exception error) {
        byte[] rawKey = ctx.sourceRawKey();
        byte[] rawValue = ctx.sourceRawValue();
        String payload = rawValue == null ? null : new String(rawValue, StandardCharsets.UTF_8);
        String message = String.valueOf(error.getMessage());
        DeadLetter letter = new DeadLetter(reason, message, ctx.topic(), ctx.partition(), ctx.offset(), null, payload,
                Instant.now().toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_REASON, bytes(reason));
        headers.add(HEADER_EXCEPTION, bytes(error.getClass().getName()));
        headers.add(HEADER_MESSAGE, bytes(message.length() > 1000 ? message.substring(0, 1000) : message));
        headers.add(HEADER_TOPIC, bytes(String.valueOf(ctx.topic())));
        headers.add(HEADER_PARTITION, bytes(String.valueOf(ctx.partition())));
        headers.add(HEADER_OFFSET, bytes(String.valueOf(ctx.offset())));
        headers.add(HEADER_PROCESSOR, bytes(String.valueOf(ctx.processorNodeId())));
        return new ProducerRecord<>(Topics.METRICS_DLQ, null, rawKey, bytes(Json.write(letter)), headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
