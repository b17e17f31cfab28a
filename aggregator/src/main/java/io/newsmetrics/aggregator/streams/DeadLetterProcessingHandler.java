package io.newsmetrics.aggregator.streams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * An event the processor refused ({@link InvalidMetricEventException}) or failed on: sent to the
 * dead-letter topic with the reason, processing goes on. Store failures are not caught here: Streams
 * raises them as task errors, not processing errors.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String reason = exception instanceof InvalidMetricEventException invalid ? invalid.reason() : "PROCESSING";
        log.warn("record {}-{}@{} sent to the dead-letter topic ({}): {}", context.topic(), context.partition(),
                context.offset(), reason, exception.getMessage());
        return Response.resume(List.of(DeadLetters.of(reason, context, exception)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
