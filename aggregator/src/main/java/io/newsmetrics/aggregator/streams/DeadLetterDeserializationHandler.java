package io.newsmetrics.aggregator.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Unreadable input (not JSON, not a metric event): sent to the dead-letter topic, processing goes on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        log.warn("unreadable record {}-{}@{} sent to the dead-letter topic: {}", context.topic(), context.partition(),
                context.offset(), exception.getMessage());
        return Response.resume(List.of(DeadLetters.of("DESERIALIZATION", context, exception)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
